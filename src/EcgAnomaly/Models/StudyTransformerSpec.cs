using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>The study's Transformer autoencoder (<see cref="StudyTransformerAutoencoder"/>), written [D, F, H, L] in its table.</summary>
/// <param name="InputDim">Token width D (each beat is cut into tokens of D samples).</param>
/// <param name="FeedForwardDim">Feed-forward width F.</param>
/// <param name="Heads">Attention heads H; must divide D.</param>
/// <param name="Layers">Encoder and decoder layers L.</param>
/// <param name="BeatLength">Samples per beat; must be a multiple of D.</param>
public sealed record StudyTransformerSpec(int InputDim, int FeedForwardDim, int Heads, int Layers, int BeatLength = 140)
    : ModelSpec(BeatLength)
{
    /// <summary>The family's name in model.json and for <c>--model</c>.</summary>
    public const string FamilyKind = "transformer";

    /// <inheritdoc/>
    public override string Kind => FamilyKind;

    /// <inheritdoc/>
    public override string ShortName => $"transformer-{InputDim}-{FeedForwardDim}-{Heads}-{Layers}";

    /// <inheritdoc/>
    public override string DisplayName => $"Transformer [{InputDim},{FeedForwardDim},{Heads},{Layers}]";

    /// <summary>The spec from the command line's sizes; defaults are the study's [4, 512, 4, 2].</summary>
    public static StudyTransformerSpec FromSizes(ModelSizes sizes, int beatLength)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        return new StudyTransformerSpec(sizes.InputDim ?? 4, sizes.FeedForwardDim ?? 512, sizes.Heads ?? 4, sizes.Layers ?? 2, beatLength);
    }

    /// <summary>L encoder layers, L decoder layers (<see cref="TransformerSizeChecks"/>) and Linear(D -> 1).</summary>
    public override long EstimateParameters() =>
        Layers * (TransformerSizeChecks.EncoderLayerParameters(InputDim, FeedForwardDim)
            + TransformerSizeChecks.DecoderLayerParameters(InputDim, FeedForwardDim)) + InputDim + 1;

    /// <summary>Every sample is a token: 3L attentions over all of them (L in the encoder, 2L in the decoder).</summary>
    public override double EstimateWorkingFloatsPerBeat() =>
        3.0 * Layers * TransformerSizeChecks.AttentionLayerFloats(BeatLength, InputDim, FeedForwardDim, Heads);

    /// <summary>
    /// 32: every pass holds a steps x steps attention matrix per head and beat (140 x 140 x 4 for ECG5000), and larger
    /// passes leave the caches; the 657 validation beats of [4,512,4,2] took 2.0 s in passes of 512 and 0.6 s in
    /// passes of 32 (2 cores, bench/NOTES.md).
    /// </summary>
    public override int ScoringBatchLimit => 32;

    /// <inheritdoc/>
    protected override void ValidateSizes()
    {
        if (TransformerSizeChecks.Check(nameof(InputDim), "input dim", InputDim, FeedForwardDim, Heads, Layers) is { } heads)
            throw new ArgumentException(heads, nameof(Heads));
        if (BeatLength % InputDim != 0)
            throw new ArgumentException($"the beat length {BeatLength} must be a multiple of the input dim {InputDim}", nameof(InputDim));
    }

    /// <inheritdoc/>
    protected override nn.Module<Tensor, Tensor> BuildModule() => new StudyTransformerAutoencoder(InputDim, FeedForwardDim, Heads, Layers);
}
