using EcgAnomaly.Models;

namespace EcgAnomaly.RunFolders;

/// <summary>model.json: everything needed to rebuild, trust and apply the weights in model.pt.</summary>
public sealed record ModelManifest
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;
    public required string ToolVersion { get; init; }
    public required ModelSpec Architecture { get; init; }
    public required long Parameters { get; init; }
    public required HyperParameters HyperParameters { get; init; }
    public required string DataSet { get; init; }
    public required string Protocol { get; init; }
    public required int NormalClass { get; init; }
    public required IReadOnlyDictionary<string, string> DataSha256 { get; init; }

    /// <summary>What is done to a beat before scoring. ECG5000 beats are already z-normalised per beat, so "none".</summary>
    public required string Normalisation { get; init; }
    public required ThresholdInfo Threshold { get; init; }
    public required string Weights { get; init; }
    public required string BestWeights { get; init; }
    public required int BestEpoch { get; init; }
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>For a model trained on a recording (<c>train --record</c>): which record, lead, minutes and beat window,
    /// so that <c>record</c> cuts beats the same way and scores only what the model did not learn from.</summary>
    public RecordTraining? Record { get; init; }
}
