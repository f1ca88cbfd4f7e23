namespace EcgAnomaly.Cli.Internal;

/// <summary>
/// The library names a bad argument by its own parameter name (TrainingOptions.BatchSize, QrsDetector's
/// samplingFrequency); the user typed a flag. This table says which flag, or for a value that no flag sets directly,
/// where it came from. Names not listed keep the library's wording.
/// </summary>
internal static class ParameterFlags
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        // TrainingOptions, SpeedBenchOptions
        ["Epochs"] = "--epochs",
        ["BatchSize"] = "--batch",
        ["LearningRate"] = "--lr",
        ["ScoringBatchSize"] = "--batch",
        ["ScoringRepeats"] = "--repeats",
        ["ScoringBeats"] = "--scoring-beats",
        ["Engines"] = "--engine",
        // the model specs (ModelSpec and its families)
        ["EmbeddingSize"] = "--embedding",
        ["InputDim"] = "--input-dim",
        ["ModelDim"] = "--input-dim",
        ["FeedForwardDim"] = "--ff-dim",
        ["Heads"] = "--heads",
        ["Layers"] = "--layers",
        // the model modules
        ["embeddingSize"] = "--embedding",
        ["inputDim"] = "--input-dim",
        ["feedForwardDim"] = "--ff-dim",
        ["heads"] = "--heads",
        ["layers"] = "--layers",
        // recordings
        ["nameOrNumber"] = "--lead",
        ["minutes"] = "--minutes",
        ["signal"] = "--lead",
        ["beatLength"] = "the beat length (samples per beat)",
        ["BeatLength"] = "the beat length (samples per beat)",
        ["FromMinutes"] = "--from",
        ["requestedRecords"] = "--records",
        ["Parallel"] = "--parallel",
        ["samplingFrequency"] = "the recording's sampling frequency",
    };

    /// <summary>The CLI's words for the library parameter <paramref name="parameter"/>, or null when it has none.</summary>
    public static string? For(string? parameter) =>
        parameter is not null && Flags.TryGetValue(parameter, out var flag) ? flag : null;
}
