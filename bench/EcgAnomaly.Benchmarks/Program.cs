using BenchmarkDotNet.Running;
using EcgAnomaly.Benchmarks;

// The peak working set of each case's process comes back through this folder (see PeakWorkingSetLog); the child
// processes inherit the variable.
var peaks = Directory.CreateTempSubdirectory("ecg-anomaly-bench-peaks-").FullName;
Environment.SetEnvironmentVariable(PeakWorkingSetLog.FolderVariable, peaks);
try
{
    var filter = new EngineAvailableFilter();
    // No arguments: run everything rather than ask interactively which benchmark to run.
    BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, BenchConfig.Create(filter));
    foreach (var line in filter.Unavailable) Console.WriteLine(line);
}
finally
{
    Directory.Delete(peaks, recursive: true);
}
