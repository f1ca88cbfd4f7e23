using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>
/// What to build: the architecture and its sizes. Written into model.json, so that a bundle can be rebuilt
/// without the code that trained it.
/// </summary>
public sealed record ModelSpec(string Kind, int BeatLength, int EmbeddingSize)
{
    public const string LstmKind = "lstm";

    public static IReadOnlyList<string> Kinds { get; } = [LstmKind];

    public static ModelSpec Lstm(int embeddingSize, int beatLength = 140) => new(LstmKind, beatLength, embeddingSize);

    /// <summary>A short name for folders and tables, e.g. lstm32.</summary>
    [JsonIgnore]
    public string ShortName => Kind switch
    {
        LstmKind => $"lstm{EmbeddingSize}",
        _ => Kind,
    };

    public nn.Module<Tensor, Tensor> Build() => Kind switch
    {
        LstmKind => new LstmAutoencoder(EmbeddingSize, BeatLength),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, $"unknown model kind (expected one of {string.Join(", ", Kinds)})"),
    };
}
