using EcgAnomaly.Ectopy;

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

    /// <summary>Which beats of the first minutes each record's model learns from.</summary>
    public TrainingBeats TrainingBeats { get; init; } = TrainingBeats.Dominant;

    /// <summary>
    /// Classifier files of <c>fit-ectopy</c>, comma-separated, that label the scored beats V, S or N; each record is
    /// labelled by the first that did not learn from it (the folds of an inter-patient evaluation). Null: flagged beats
    /// are V for the VEB statistics and S for the SVEB ones.
    /// </summary>
    public string? Ectopy { get; init; }

    /// <summary>Seeds each record's train/validation shuffle, weight initialisation and batch order.</summary>
    public int Seed { get; init; } = 777;

    /// <summary>How the alarm threshold is chosen from the validation beats' scores, e.g. "percentile:99".</summary>
    public string ThresholdPolicy { get; init; } = Detection.ThresholdPolicy.Default.ToString();

    /// <summary>What the training used, in words, for the report.</summary>
    public string TrainingLabels => TrainingBeats switch
    {
        TrainingBeats.AnnotatedNormal => "reference labels: only beats annotated AAMI N in the first minutes (--only-normal)",
        TrainingBeats.All => "no reference label: every detected beat of the first minutes (--training-beats all)",
        _ => "no reference label: the beats of the dominant shape among the first minutes' beats (what a user without annotations gets)",
    };
}
