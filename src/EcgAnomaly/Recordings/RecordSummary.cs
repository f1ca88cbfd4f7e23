namespace EcgAnomaly.Recordings;

/// <summary>What summary.md and summary.json report for a scored recording.</summary>
public sealed record RecordSummary
{
    public required string Record { get; init; }
    public required string Lead { get; init; }
    public required double SamplingFrequency { get; init; }
    public required double DurationSeconds { get; init; }
    public required double FromSeconds { get; init; }
    public required string Model { get; init; }
    public required string BeatWindow { get; init; }
    public required double Threshold { get; init; }
    public required string ThresholdPolicy { get; init; }
    public required int Beats { get; init; }
    public required int Flagged { get; init; }
    public required double HeartRateBpm { get; init; }
    public double? Sensitivity { get; init; }
    public double? PositivePredictivity { get; init; }
    public int? ReferenceBeats { get; init; }
    public IReadOnlyDictionary<string, int> ClassCounts { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<ClassAuc> AucAgainstNormal { get; init; } = [];
    public required double SecondsElapsed { get; init; }
}
