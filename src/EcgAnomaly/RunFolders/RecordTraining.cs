namespace EcgAnomaly.RunFolders;

/// <summary>Where a record-trained model's beats came from (model.json "record").</summary>
/// <param name="Name">The WFDB record name (header's first field).</param>
/// <param name="Lead">The lead's description in the header, or its 0-based index.</param>
/// <param name="Minutes">The model learned from the beats of the first this many minutes.</param>
/// <param name="OnlyNormal">Whether only beats annotated AAMI N were used.</param>
/// <param name="BeatWindow">The beat window (see Signals.BeatWindow), e.g. "rr".</param>
public sealed record RecordTraining(string Name, string Lead, double Minutes, bool OnlyNormal, string BeatWindow)
{
    /// <summary>Which beats were learnt from (dominant, all, annotated-normal); null in model.json files older than it.</summary>
    public string? TrainingBeats { get; init; }

    /// <summary>The shares (0-1) of the largest beat shapes among the first minutes' beats, largest first; null if unknown.</summary>
    public IReadOnlyList<double>? ShapeShares { get; init; }

    /// <summary>
    /// The dominant shape's standardised mean QRS (Ectopy.BeatShapeClusters.Window cut to the model's beat length): the
    /// template later beats are correlated with; null if unknown.
    /// </summary>
    public IReadOnlyList<float>? QrsTemplate { get; init; }
}
