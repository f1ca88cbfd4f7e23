namespace EcgAnomaly.Ectopy;

/// <summary>The names of <see cref="TrainingBeats"/> on the command line and in model.json: dominant, all, annotated-normal.</summary>
public static class TrainingBeatsNames
{
    /// <summary>The accepted names, for messages and help.</summary>
    public const string Accepted = "dominant, all or annotated-normal";

    /// <summary>The name of <paramref name="beats"/>.</summary>
    public static string Name(this TrainingBeats beats) => beats switch
    {
        TrainingBeats.Dominant => "dominant",
        TrainingBeats.All => "all",
        TrainingBeats.AnnotatedNormal => "annotated-normal",
        _ => throw new ArgumentOutOfRangeException(nameof(beats), beats, null),
    };

    /// <summary>The value named <paramref name="name"/>; FormatException naming the accepted ones otherwise.</summary>
    public static TrainingBeats Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "dominant" => TrainingBeats.Dominant,
        "all" => TrainingBeats.All,
        "annotated-normal" => TrainingBeats.AnnotatedNormal,
        _ => throw new FormatException($"unknown training beats '{name}' (expected {Accepted})"),
    };
}
