using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace EcgAnomaly.Benchmarks;

/// <summary>
/// Few, long iterations: an epoch takes seconds and the machine is a shared 2-core one, so every case runs once
/// without a pilot stage (Monitoring), one warm-up and five measured calls, and the median is the figure to read.
/// A full run takes a few minutes.
/// </summary>
internal static class BenchConfig
{
    public static IConfig Create(EngineAvailableFilter filter) =>
        DefaultConfig.Instance
            .AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithId("Quick"))
            .AddColumn(
                StatisticColumn.Median,
                StatisticColumn.Min,
                StatisticColumn.Max,
                new BeatsPerSecondColumn(),
                new PeakWorkingSetColumn())
            .AddFilter(filter);
}
