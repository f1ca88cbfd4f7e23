using EcgAnomaly.Training;

namespace EcgAnomaly.Benchmarking;

/// <summary>
/// One engine's figures: seconds per training epoch, scoring throughput per batch size, and the peak working set
/// while it ran. <see cref="NotAvailable"/> says why an engine that this build lacks has no training figures (each
/// scoring entry says for itself whether it could score).
/// </summary>
public sealed record EngineSpeed(
    ComputeEngine Engine,
    TimingSummary? Epochs,
    IReadOnlyList<ScoringSpeed> Scoring,
    long PeakWorkingSetBytes,
    string? NotAvailable = null)
{
    /// <summary>True when the kernel could train here (it has epoch timings).</summary>
    public bool Available => Epochs is not null;
}
