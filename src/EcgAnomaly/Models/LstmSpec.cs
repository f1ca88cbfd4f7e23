using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>The study's LSTM autoencoder (<see cref="LstmAutoencoder"/>) with code size E.</summary>
/// <param name="EmbeddingSize">Code size E (the study: 32, 64, 128, 256).</param>
/// <param name="BeatLength">Samples per beat.</param>
public sealed record LstmSpec(int EmbeddingSize, int BeatLength = 140) : ModelSpec(BeatLength)
{
    /// <summary>The family's name in model.json and for <c>--model</c>.</summary>
    public const string FamilyKind = "lstm";

    /// <inheritdoc/>
    public override string Kind => FamilyKind;

    /// <inheritdoc/>
    public override string ShortName => $"lstm{EmbeddingSize}";

    /// <inheritdoc/>
    public override string DisplayName => $"LSTM E={EmbeddingSize}";

    /// <summary>The spec from the command line's sizes: only the embedding applies, a Transformer size is refused.</summary>
    /// <exception cref="ArgumentException">A Transformer size was given; the parameter name says which.</exception>
    public static LstmSpec FromSizes(ModelSizes sizes, int beatLength)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        (string Name, int? Value)[] others =
        [
            (nameof(sizes.InputDim), sizes.InputDim),
            (nameof(sizes.FeedForwardDim), sizes.FeedForwardDim),
            (nameof(sizes.Heads), sizes.Heads),
            (nameof(sizes.Layers), sizes.Layers),
        ];
        foreach (var (name, value) in others)
            if (value is not null) throw new ArgumentException($"{name} does not apply to the LSTM autoencoder", name);
        return new LstmSpec(sizes.EmbeddingSize ?? 32, beatLength);
    }

    /// <summary>
    /// LSTM(1 -> 2E), LSTM(2E -> E), LSTM(E -> E), LSTM(E -> 2E) (4h(in + h) weights and 8h biases each) and
    /// Linear(2E -> 1): 60E² + 58E + 1.
    /// </summary>
    public override long EstimateParameters()
    {
        long e = EmbeddingSize;
        return 60 * e * e + 58 * e + 1;
    }

    /// <summary>Per step, the four gates, the cell and the hidden state of the four layers (widths 2E, E, E, 2E).</summary>
    public override double EstimateWorkingFloatsPerBeat() => 6.0 * 6 * EmbeddingSize * BeatLength;

    /// <inheritdoc/>
    protected override void ValidateSizes() => Preconditions.CheckArgumentRange(nameof(EmbeddingSize), EmbeddingSize, 1, 4096);

    /// <inheritdoc/>
    protected override nn.Module<Tensor, Tensor> BuildModule() => new LstmAutoencoder(EmbeddingSize, BeatLength);
}
