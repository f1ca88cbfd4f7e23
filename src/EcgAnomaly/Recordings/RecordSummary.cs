namespace EcgAnomaly.Recordings;

/// <summary>What summary.md and summary.json report for a scored recording.</summary>
public sealed record RecordSummary
{
    /// <summary>The record name from its header.</summary>
    public required string Record { get; init; }

    /// <summary>The scored lead, e.g. "MLII (signal 0)".</summary>
    public required string Lead { get; init; }

    /// <summary>Samples per second, in Hz.</summary>
    public required double SamplingFrequency { get; init; }

    /// <summary>Length of the whole recording, in seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Where scoring started, in seconds from the start (after the training minutes of a patient-specific run).</summary>
    public required double FromSeconds { get; init; }

    /// <summary>The full path of the recording's descriptor file (.hea or .edf), for a viewer to draw its signal.</summary>
    public string? RecordPath { get; init; }

    /// <summary>The index of the scored signal (lead) in the recording.</summary>
    public int? SignalIndex { get; init; }

    /// <summary>
    /// The warning of <see cref="Ectopy.BeatShapeNotice"/> when the model learned this record's first minutes and they held
    /// several frequent beat shapes; null otherwise.
    /// </summary>
    public string? ShapeNotice { get; init; }

    /// <summary>
    /// The warning given when the most frequent QRS shape of the scored stretch is not the one the model learned (a
    /// conduction change after the first minutes); null otherwise or without <c>--ectopy</c>, which groups the shapes.
    /// </summary>
    public string? NormalChangeNotice { get; init; }

    /// <summary>The classifier file that labelled the beats V, S or N (<c>--ectopy</c>); null without one.</summary>
    public string? Ectopy { get; init; }

    /// <summary>How many records the classifier learned from; null without one.</summary>
    public int? EctopyRecords { get; init; }

    /// <summary>Whether the classifier learned from this very record (its classes are then no fair test); null without one.</summary>
    public bool? EctopySawRecord { get; init; }

    /// <summary>Beats per class the classifier gave (N, S, V); null without one.</summary>
    public IReadOnlyDictionary<string, int>? VerdictCounts { get; init; }

    /// <summary>The model and what it was trained on: "short name (data set, protocol)".</summary>
    public required string Model { get; init; }

    /// <summary>The beat window the beats were cut with ("rr" or "fixed:B,A").</summary>
    public required string BeatWindow { get; init; }

    /// <summary>Beats scoring above this were flagged abnormal.</summary>
    public required double Threshold { get; init; }

    /// <summary>How the threshold was chosen, e.g. "percentile:99".</summary>
    public required string ThresholdPolicy { get; init; }

    /// <summary>Beats scored.</summary>
    public required int Beats { get; init; }

    /// <summary>Beats flagged abnormal.</summary>
    public required int Flagged { get; init; }

    /// <summary>60 / the median RR interval, in beats per minute; NaN with fewer than two beats.</summary>
    public required double HeartRateBpm { get; init; }

    /// <summary>Share (0-1) of the reference beats in the scored stretch that a scored beat matched; null without annotations.</summary>
    public double? Sensitivity { get; init; }

    /// <summary>Share (0-1) of the scored beats that matched a reference beat; null without annotations.</summary>
    public double? PositivePredictivity { get; init; }

    /// <summary>Reference beats in the scored stretch; null without annotations.</summary>
    public int? ReferenceBeats { get; init; }

    /// <summary>Scored beats per AAMI class of the reference beat they matched (empty without annotations).</summary>
    public IReadOnlyDictionary<string, int> ClassCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>How well the score separates each abnormal AAMI class from N (empty without annotations).</summary>
    public IReadOnlyList<ClassAuc> AucAgainstNormal { get; init; } = [];

    /// <summary>Wall-clock seconds the whole scoring took.</summary>
    public required double SecondsElapsed { get; init; }
}
