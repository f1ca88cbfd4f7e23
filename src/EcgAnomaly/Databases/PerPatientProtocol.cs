namespace EcgAnomaly.Databases;

/// <summary>
/// The patient-specific protocol of <c>evaluate-database --detector per-patient</c>: for each record a detector is
/// trained on the beats of its first minutes and flags the beats after them. Part of <see cref="Ec57Protocol"/>, so
/// that shards trained otherwise do not merge.
/// </summary>
public sealed record PerPatientProtocol
{
    /// <summary>The model trained for each record, e.g. "lstm32".</summary>
    public string Model { get; init; } = "lstm32";

    /// <summary>Training epochs per record.</summary>
    public int Epochs { get; init; } = 150;

    /// <summary>Minutes at the start of each record the detector learns from; scoring starts after them.</summary>
    public double Minutes { get; init; } = 5;

    /// <summary>True: learn only from beats whose reference annotation is AAMI N; false: from every detected beat, label-free.</summary>
    public bool OnlyNormal { get; init; }

    /// <summary>Seeds each record's train/validation shuffle, weight initialisation and batch order.</summary>
    public int Seed { get; init; } = 777;

    /// <summary>How the alarm threshold is chosen from the validation beats' scores, e.g. "percentile:99".</summary>
    public string ThresholdPolicy { get; init; } = Detection.ThresholdPolicy.Default.ToString();

    /// <summary>What the training used, in words, for the report.</summary>
    public string TrainingLabels => OnlyNormal
        ? "reference labels: only beats annotated AAMI N in the first minutes (--only-normal)"
        : "no reference label: every detected beat of the first minutes (what a user without annotations gets)";
}
