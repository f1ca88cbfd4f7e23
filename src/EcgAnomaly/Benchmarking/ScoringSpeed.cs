namespace EcgAnomaly.Benchmarking;

/// <summary>Scoring throughput at one batch size; <see cref="Timing"/> is null when the engine cannot score.</summary>
public sealed record ScoringSpeed(int BatchSize, int Beats, TimingSummary? Timing, string? NotAvailable = null)
{
    /// <summary>True when the kernel could score at this batch size (it has timings).</summary>
    public bool Available => Timing is not null;

    /// <summary>Beats scored per second in the median pass.</summary>
    public double? BeatsPerSecond => Timing is null ? null : Beats / Timing.Median;
}
