using System.Globalization;
using EcgAnomaly.Benchmarking;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Data;
using EcgAnomaly.IO;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Server;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary>
/// <c>ecg-anomaly bench-serve</c>: throughput and latency of POST /api/score on loopback, per batch size and number of
/// clients, beside the same model scoring in-process.
/// </summary>
internal sealed class BenchServeCommand(IAnsiConsole console) : Command<BenchServeSettings>
{
    public override int Execute(CommandContext context, BenchServeSettings settings, CancellationToken cancellationToken)
    {
        var model = settings.Model ?? OnlyModel(settings.Runs);
        if (!File.Exists(Path.Combine(settings.Runs, model, RunFiles.Manifest)))
            throw DataFormatException.MissingFile(Path.Combine(settings.Runs, model, RunFiles.Manifest));
        if (settings.Json is { } json) OutputPaths.EnsureWritableFile(json);
        var test = Ecg5000.Load(DataLocator.LocateEcg5000(settings.Data)).Test;
        var beats = Enumerable.Range(0, test.Count).Select(i => test.Beat(i).ToArray()).ToArray();
        var result = console.Status().Start("starting the server on loopback", status =>
            LoadBenchmark.RunAsync(settings.Runs, model, beats, settings.BatchSizes, settings.ClientCounts, settings.Beats,
                cell => status.Status($"POST /api/score: {cell}"), cancellationToken).GetAwaiter().GetResult());

        var table = new Table().AddColumns("beats/request", "clients", "requests", "errors", "beats/s", "p50 ms", "p99 ms",
            "of in-process");
        foreach (var c in result.Cells)
        {
            table.AddRow(Text(c.BatchSize), Text(c.Clients), Text(c.Requests), Text(c.Errors), c.BeatsPerSecond.ToString("N0",
                CultureInfo.InvariantCulture), c.P50Milliseconds.ToString("0.0", CultureInfo.InvariantCulture),
                c.P99Milliseconds.ToString("0.0", CultureInfo.InvariantCulture),
                (c.BeatsPerSecond / result.DirectBeatsPerSecond).ToString("P0", CultureInfo.InvariantCulture));
        }
        console.Write(table);
        console.MarkupLineInvariant(
            $"in-process ({model}, batches of 4,096 as score): {result.DirectBeatsPerSecond:N0} beats/s; ",
            $"peak working set {result.PeakWorkingSetBytes / 1048576.0:0} MiB (server and clients in one process); ",
            $"{MachineInfo.CpuModel()}");
        if (settings.Json is { } path)
        {
            var text = RunJson.Serialize(result);
            AtomicFile.Write(path, temporary => File.WriteAllText(temporary, text), cancellationToken);
        }
        return result.Cells.Any(c => c.Errors > 0) ? 3 : 0;
    }

    private static string Text(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string OnlyModel(string runs)
    {
        var names = Directory.EnumerateDirectories(runs).Where(d => File.Exists(Path.Combine(d, RunFiles.Manifest))).ToArray();
        return names.Length == 1 ? Path.GetFileName(names[0])
            : throw DataFormatException.Malformed(runs, null,
                $"{names.Length} run folders here: name the one to serve with --model");
    }
}
