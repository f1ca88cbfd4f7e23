using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>
/// The patch Transformer autoencoder with a bottleneck (<see cref="PatchTransformerAutoencoder"/>): patches of
/// <see cref="PatchSize"/> samples, <see cref="LatentTokens"/> x <see cref="LatentDim"/> code (32 numbers, as LSTM E=32).
/// </summary>
/// <param name="ModelDim">Model width (model.json calls it inputDim, as the other Transformer).</param>
/// <param name="FeedForwardDim">Feed-forward width.</param>
/// <param name="Heads">Attention heads; must divide the width.</param>
/// <param name="Layers">Encoder and decoder layers.</param>
/// <param name="BeatLength">Samples per beat.</param>
public sealed record PatchTransformerSpec(
    [property: JsonPropertyName("inputDim")] int ModelDim,
    int FeedForwardDim,
    int Heads,
    int Layers,
    int BeatLength = 140) : ModelSpec(BeatLength)
{
    /// <summary>The family's name in model.json and for <c>--model</c>.</summary>
    public const string FamilyKind = "transformer-ae";

    /// <summary>Samples per token.</summary>
    public const int PatchSize = 10;

    /// <summary>Tokens of the code.</summary>
    public const int LatentTokens = 4;

    /// <summary>Width of each code token.</summary>
    public const int LatentDim = 8;

    /// <inheritdoc/>
    public override string Kind => FamilyKind;

    /// <inheritdoc/>
    public override string ShortName => FamilyKind;

    /// <inheritdoc/>
    public override string DisplayName => $"Patch Transformer AE (width {ModelDim}, {Layers} layers, code {LatentTokens}x{LatentDim})";

    /// <summary>The spec from the command line's sizes; defaults are width 32, feed-forward 64, 4 heads, 2 layers.</summary>
    public static PatchTransformerSpec FromSizes(ModelSizes sizes, int beatLength)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        return new PatchTransformerSpec(sizes.InputDim ?? 32, sizes.FeedForwardDim ?? 64, sizes.Heads ?? 4, sizes.Layers ?? 2, beatLength);
    }

    /// <summary>One patch: a shorter beat has no token.</summary>
    protected override int MinimumBeatLength => PatchSize;

    /// <summary>
    /// Patch embedding, positions and queries (one per token), L encoder layers, the pooling decoder layer, the latent
    /// projections, L decoder layers and the head.
    /// </summary>
    public override long EstimateParameters()
    {
        long d = ModelDim;
        long tokens = Tokens;
        return (PatchSize * d + d) + 2 * tokens * d + LatentTokens * d
            + Layers * TransformerSizeChecks.EncoderLayerParameters(ModelDim, FeedForwardDim)
            + (Layers + 1) * TransformerSizeChecks.DecoderLayerParameters(ModelDim, FeedForwardDim)
            + (d * LatentDim + LatentDim) + (LatentDim * d + d) + (d * PatchSize + PatchSize);
    }

    /// <summary>Attention over the patches: L encoder layers, 2L + 2 attentions in the pooling and decoder layers.</summary>
    public override double EstimateWorkingFloatsPerBeat() =>
        (3.0 * Layers + 2) * TransformerSizeChecks.AttentionLayerFloats(Tokens, ModelDim, FeedForwardDim, Heads);

    private int Tokens => (BeatLength + PatchSize - 1) / PatchSize;

    /// <inheritdoc/>
    protected override void ValidateSizes()
    {
        if (TransformerSizeChecks.Check(nameof(ModelDim), "model width", ModelDim, FeedForwardDim, Heads, Layers) is { } heads)
            throw new ArgumentException(heads, nameof(Heads));
    }

    /// <inheritdoc/>
    protected override nn.Module<Tensor, Tensor> BuildModule() =>
        new PatchTransformerAutoencoder(BeatLength, PatchSize, ModelDim, Heads, FeedForwardDim, Layers, LatentTokens, LatentDim);
}
