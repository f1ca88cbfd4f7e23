using System.Globalization;
using EcgAnomaly.Benchmarking;
using Spectre.Console;

namespace EcgAnomaly.Cli.Internal;

/// <summary>How <c>bench</c> shows a <see cref="SpeedBenchReport"/>: a table, then one plain line per engine for logs and grep,
/// engines named as --engine names them.</summary>
internal static class BenchTable
{
    private const string NotAvailable = "not available";

    public static Table Of(SpeedBenchReport report)
    {
        var table = new Table().AddColumns("engine", "s/epoch (median)", "min", "max");
        var batchSizes = report.Engines.SelectMany(k => k.Scoring).Select(s => s.BatchSize).Distinct().ToList();
        foreach (var size in batchSizes) table.AddColumn(new TableColumn($"beats/s @ batch {size}").RightAligned());
        table.AddColumn(new TableColumn("peak working set").RightAligned());
        foreach (var engine in report.Engines)
        {
            var cells = new List<string> { Name(engine) };
            cells.AddRange(engine.Epochs is { } e ? [Seconds(e.Median), Seconds(e.Min), Seconds(e.Max)] : [NotAvailable, "", ""]);
            foreach (var size in batchSizes)
            {
                var rate = engine.Scoring.FirstOrDefault(s => s.BatchSize == size)?.BeatsPerSecond;
                cells.Add(rate is double beatsPerSecond ? Rate(beatsPerSecond) : NotAvailable);
            }
            cells.Add(engine.Available ? Megabytes(engine.PeakWorkingSetBytes) : "");
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        return table;
    }

    public static string Summary(EngineSpeed engine)
    {
        if (engine.Epochs is not { } e) return $"{Name(engine)}: {NotAvailable} ({engine.NotAvailable})";
        var scoring = engine.Scoring.Select(s => s.BeatsPerSecond is double rate
            ? $"{Rate(rate)} beats/s at batch {s.BatchSize}"
            : $"scoring at batch {s.BatchSize} {NotAvailable} ({s.NotAvailable})");
        return $"{Name(engine)}: median {Seconds(e.Median)} s/epoch "
            + $"(min {Seconds(e.Min)}, max {Seconds(e.Max)}, {e.Seconds.Count} epochs), "
            + string.Join(", ", scoring) + $", peak working set {Megabytes(engine.PeakWorkingSetBytes)}";
    }

    private static string Name(EngineSpeed engine) => EngineNames.NameOf(engine.Engine);

    private static string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Rate(double beatsPerSecond) => beatsPerSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB";
}
