using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using EcgAnomaly.Benchmarking;

namespace EcgAnomaly.Benchmarks;

/// <summary>
/// Carries each benchmark process's peak working set to the host's summary table. BenchmarkDotNet runs every case
/// in a process of its own, so that process's peak is the case's peak (libtorch's native memory included, which
/// [MemoryDiagnoser] cannot see); the process writes it into a folder the host names in an environment variable,
/// and <see cref="PeakWorkingSetColumn"/> reads it back by the case's type and parameter values.
/// </summary>
internal static class PeakWorkingSetLog
{
    public const string FolderVariable = "ECG_ANOMALY_BENCH_PEAKS";

    /// <summary>Called from a benchmark's global cleanup: prints the peak to the log and files it for the host.</summary>
    /// <typeparam name="T">The benchmark class as written (the object itself is a subclass that BenchmarkDotNet generates).</typeparam>
    public static void Record<T>(T benchmark)
        where T : class
    {
        var bytes = PeakMemory.PeakWorkingSetBytes();
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            Console.WriteLine($"// Peak working set: {bytes / 1024.0 / 1024.0:0} MiB (not passed on: {FolderVariable} names no folder)");
            return;
        }
        var parameters = typeof(T).GetProperties()
            .Where(p => p.GetCustomAttributes().Any(a => a is ParamsAttribute or ParamsAllValuesAttribute))
            .Select(p => (p.Name, p.GetValue(benchmark)));
        var file = Path.Combine(folder, Key(typeof(T).Name, parameters));
        File.WriteAllText(file, bytes.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine($"// Peak working set: {bytes / 1024.0 / 1024.0:0} MiB (filed as {file})");
    }

    public static long? Read(BenchmarkCase benchmarkCase)
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrEmpty(folder)) return null;
        var key = Key(benchmarkCase.Descriptor.Type.Name, benchmarkCase.Parameters.Items.Select(p => (p.Name, (object?)p.Value)));
        var file = Path.Combine(folder, key);
        return File.Exists(file) ? long.Parse(File.ReadAllText(file), CultureInfo.InvariantCulture) : null;
    }

    private static string Key(string type, IEnumerable<(string Name, object? Value)> parameters) =>
        type + string.Concat(parameters
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"_{p.Name}-{Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));
}
