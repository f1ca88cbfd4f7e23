using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>
/// What to build: the architecture and its sizes. Written into model.json, so that a bundle can be rebuilt
/// without the code that trained it. Sizes a kind does not use are 0.
/// </summary>
/// <param name="Kind">lstm, transformer (the study's) or transformer-ae (the patch Transformer with a bottleneck).</param>
/// <param name="EmbeddingSize">LSTM code size E.</param>
/// <param name="InputDim">Transformer token width: D (study) or the model width (transformer-ae).</param>
/// <param name="FeedForwardDim">Transformer feed-forward width F.</param>
/// <param name="Heads">Attention heads H.</param>
/// <param name="Layers">Encoder (and decoder) layers L.</param>
public sealed record ModelSpec(string Kind, int BeatLength, int EmbeddingSize = 0, int InputDim = 0, int FeedForwardDim = 0, int Heads = 0, int Layers = 0)
{
    public const string LstmKind = "lstm";
    public const string TransformerKind = "transformer";
    public const string PatchTransformerKind = "transformer-ae";

    /// <summary>transformer-ae: samples per token, latent tokens and their width (4 x 8 = a 32-number code, as LSTM E=32).</summary>
    public const int PatchSize = 10;
    public const int LatentTokens = 4;
    public const int LatentDim = 8;

    public static IReadOnlyList<string> Kinds { get; } = [LstmKind, TransformerKind, PatchTransformerKind];

    public static ModelSpec Lstm(int embeddingSize, int beatLength = 140) => new(LstmKind, beatLength, EmbeddingSize: embeddingSize);

    public static ModelSpec Transformer(int inputDim, int feedForwardDim, int heads, int layers, int beatLength = 140) =>
        new(TransformerKind, beatLength, InputDim: inputDim, FeedForwardDim: feedForwardDim, Heads: heads, Layers: layers);

    /// <summary>The patch Transformer autoencoder with its default sizes (width 32, 4 heads, feed-forward 64, 2 layers).</summary>
    public static ModelSpec PatchTransformer(int beatLength = 140, int modelDim = 32, int feedForwardDim = 64, int heads = 4, int layers = 2) =>
        new(PatchTransformerKind, beatLength, InputDim: modelDim, FeedForwardDim: feedForwardDim, Heads: heads, Layers: layers);

    /// <summary>A short name for folders and tables, e.g. lstm32, transformer-4-512-4-2.</summary>
    [JsonIgnore]
    public string ShortName => Kind switch
    {
        LstmKind => $"lstm{EmbeddingSize}",
        TransformerKind => $"transformer-{InputDim}-{FeedForwardDim}-{Heads}-{Layers}",
        _ => Kind,
    };

    /// <summary>How the study's table writes it: LSTM E=32, Transformer [4,512,4,2].</summary>
    [JsonIgnore]
    public string DisplayName => Kind switch
    {
        LstmKind => $"LSTM E={EmbeddingSize}",
        TransformerKind => $"Transformer [{InputDim},{FeedForwardDim},{Heads},{Layers}]",
        _ => $"Patch Transformer AE (width {InputDim}, {Layers} layers, code {LatentTokens}x{LatentDim})",
    };

    /// <summary>This spec for beats of another length (the models are built for the data, not for 140).</summary>
    public ModelSpec WithBeatLength(int beatLength) => this with { BeatLength = beatLength };

    public nn.Module<Tensor, Tensor> Build() => Kind switch
    {
        LstmKind => new LstmAutoencoder(EmbeddingSize, BeatLength),
        TransformerKind => new StudyTransformerAutoencoder(InputDim, FeedForwardDim, Heads, Layers),
        PatchTransformerKind => new PatchTransformerAutoencoder(BeatLength, PatchSize, InputDim, Heads, FeedForwardDim, Layers, LatentTokens, LatentDim),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, $"unknown model kind (expected one of {string.Join(", ", Kinds)})"),
    };
}
