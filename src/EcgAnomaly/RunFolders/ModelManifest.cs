using System.Text.Json.Serialization;
using EcgAnomaly.Models;

namespace EcgAnomaly.RunFolders;

/// <summary>model.json: everything needed to rebuild, trust and apply the weights in model.pt.</summary>
public sealed record ModelManifest
{
    /// <summary>The format this library writes and reads; a model.json of another version is refused.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The format of this file (<see cref="CurrentFormatVersion"/> when written here).</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The version of the library that wrote the file.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>What to build: the model family and its sizes (a <c>kind</c> field names the family).</summary>
    public required ModelSpec Architecture { get; init; }

    /// <summary>Trainable parameters; loading checks the rebuilt model against it.</summary>
    public required long Parameters { get; init; }

    /// <summary>How the weights were trained.</summary>
    public required HyperParameters HyperParameters { get; init; }

    /// <summary>The data set trained on, e.g. "ECG5000" or "record 100".</summary>
    public required string DataSet { get; init; }

    /// <summary>How the data set was split, e.g. "seed" or "official".</summary>
    public required string Protocol { get; init; }

    /// <summary>The class label that counts as normal in the data set's labels.</summary>
    public required int NormalClass { get; init; }

    /// <summary>The sha256 (lower-case hex) of every data file, by file name.</summary>
    public required IReadOnlyDictionary<string, string> DataSha256 { get; init; }

    /// <summary>What is done to a beat before scoring. ECG5000 beats are already z-normalised per beat, so "none".</summary>
    public required string Normalisation { get; init; }

    /// <summary>The alarm threshold and how it was chosen.</summary>
    public required ThresholdInfo Threshold { get; init; }

    /// <summary>File name, in the run folder, of the weights a detector loads (the last epoch's).</summary>
    public required string Weights { get; init; }

    /// <summary>File name, in the run folder, of the best-validation epoch's weights.</summary>
    public required string BestWeights { get; init; }

    /// <summary>The 1-based epoch with the lowest validation loss (0 for imported weights).</summary>
    public required int BestEpoch { get; init; }

    /// <summary>When the file was written, in UTC.</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>
    /// For an ensemble (<c>train --ensemble K</c>): every member in order, the first being the network of
    /// <see cref="Weights"/> and <see cref="BestWeights"/>; the detector scores with the mean of the members' scores.
    /// Null for a single network.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EnsembleMember>? Members { get; init; }

    /// <summary>For a model trained on a recording (<c>train --record</c>): which record, lead, minutes and beat window,
    /// so that <c>record</c> cuts beats the same way and scores only what the model did not learn from.</summary>
    public RecordTraining? Record { get; init; }
}
