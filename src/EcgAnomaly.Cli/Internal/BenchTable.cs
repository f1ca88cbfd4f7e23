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
        var batchSizes = report.Kernels.SelectMany(k => k.Scoring).Select(s => s.BatchSize).Distinct().ToList();
        foreach (var size in batchSizes) table.AddColumn(new TableColumn($"beats/s @ batch {size}").RightAligned());
        table.AddColumn(new TableColumn("peak working set").RightAligned());
        foreach (var kernel in report.Kernels)
        {
            var cells = new List<string> { Name(kernel) };
            cells.AddRange(kernel.Epochs is { } e ? [Seconds(e.Median), Seconds(e.Min), Seconds(e.Max)] : [NotAvailable, "", ""]);
            foreach (var size in batchSizes)
                cells.Add(kernel.Scoring.FirstOrDefault(s => s.BatchSize == size)?.BeatsPerSecond is double rate ? Rate(rate) : NotAvailable);
            cells.Add(kernel.Available ? Megabytes(kernel.PeakWorkingSetBytes) : "");
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        return table;
    }

    public static string Summary(KernelSpeed kernel)
    {
        if (kernel.Epochs is not { } e) return $"{Name(kernel)}: {NotAvailable} ({kernel.NotAvailable})";
        var scoring = kernel.Scoring.Select(s => s.BeatsPerSecond is double rate
            ? $"{Rate(rate)} beats/s at batch {s.BatchSize}"
            : $"scoring at batch {s.BatchSize} {NotAvailable} ({s.NotAvailable})");
        return $"{Name(kernel)}: median {Seconds(e.Median)} s/epoch (min {Seconds(e.Min)}, max {Seconds(e.Max)}, {e.Seconds.Count} epochs), "
            + string.Join(", ", scoring) + $", peak working set {Megabytes(kernel.PeakWorkingSetBytes)}";
    }

    private static string Name(KernelSpeed kernel) => EngineNames.NameOf(kernel.Kernel);

    private static string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Rate(double beatsPerSecond) => beatsPerSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB";
}
