using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EcgAnomaly.Benchmarks;

/// <summary>Scoring throughput: <see cref="ScoringBenchmark.Beats"/> divided by the median time of one call.</summary>
internal sealed class BeatsPerSecondColumn : IColumn
{
    public string Id => nameof(BeatsPerSecondColumn);

    public string ColumnName => "Beats/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Beats scored per second (median call)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Type != typeof(ScoringBenchmark)) return "-";
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        return statistics is null ? "?" : $"{ScoringBenchmark.Beats / (statistics.Median / 1e9):N0}";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(ScoringBenchmark));
}
