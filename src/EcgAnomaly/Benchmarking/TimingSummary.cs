using EcgAnomaly.Evaluation;

namespace EcgAnomaly.Benchmarking;

/// <summary>
/// Median, fastest and slowest of repeated timings. The median is the figure to compare: on a shared machine the
/// mean is dragged by whoever else ran at the time, and the first epoch carries one-off set-up costs.
/// </summary>
public sealed record TimingSummary(IReadOnlyList<double> Seconds)
{
    /// <summary>Median of the timings, in seconds.</summary>
    public double Median => Percentile.Of(Seconds.ToArray(), 50);

    /// <summary>Fastest timing, in seconds.</summary>
    public double Min => Seconds.Min();

    /// <summary>Slowest timing, in seconds.</summary>
    public double Max => Seconds.Max();
}
