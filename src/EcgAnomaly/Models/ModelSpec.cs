using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>
/// What to build: one model family and its sizes. Each family is one sealed record that owns its validation, its
/// module, its names and its parameter count; <see cref="ModelFamilies"/> lists them. Written into model.json with a
/// <c>kind</c> field, so that a bundle can be rebuilt without the code that trained it.
/// </summary>
[JsonConverter(typeof(ModelSpecJsonConverter))]
public abstract record ModelSpec
{
    /// <param name="beatLength">Samples per beat (checked by <see cref="Validate"/>, not here).</param>
    protected ModelSpec(int beatLength) => BeatLength = beatLength;

    /// <summary>The family's name in model.json and on the command line, e.g. <c>lstm</c>.</summary>
    [JsonPropertyOrder(-1)]
    public abstract string Kind { get; }

    /// <summary>Samples per beat, the length the model reconstructs.</summary>
    public int BeatLength { get; init; }

    /// <summary>A short name for folders and tables, e.g. lstm32, transformer-4-512-4-2.</summary>
    [JsonIgnore]
    public abstract string ShortName { get; }

    /// <summary>How the study's table writes it, e.g. LSTM E=32, Transformer [4,512,4,2].</summary>
    [JsonIgnore]
    public abstract string DisplayName { get; }

    /// <summary>Checks every size; the exception's <see cref="ArgumentException.ParamName"/> is the property at fault.</summary>
    /// <exception cref="ArgumentException">A size is out of its range or sizes do not fit together.</exception>
    public void Validate()
    {
        Preconditions.CheckArgumentRange(nameof(BeatLength), BeatLength, MinimumBeatLength, 1_000_000);
        ValidateSizes();
    }

    /// <summary>The module with fresh weights (seed Torch's generator first for reproducible ones).</summary>
    /// <exception cref="ArgumentException">The spec is not valid (see <see cref="Validate"/>).</exception>
    public nn.Module<Tensor, Tensor> Build()
    {
        Validate();
        return BuildModule();
    }

    /// <summary>Trainable parameters, counted as PyTorch's <c>sum(p.numel() for p in m.parameters())</c>.</summary>
    public long ParameterCount()
    {
        using var module = Build();
        return Models.ParameterCount.Of(module);
    }

    /// <summary>This spec for beats of another length (the models are built for the data, not for 140).</summary>
    public ModelSpec WithBeatLength(int beatLength) => this with { BeatLength = beatLength };

    /// <summary>The shortest beat the family can reconstruct.</summary>
    protected virtual int MinimumBeatLength => 2;

    /// <summary>Checks the family's own sizes; <see cref="BeatLength"/> is already checked.</summary>
    protected abstract void ValidateSizes();

    /// <summary>Builds the module of a valid spec.</summary>
    protected abstract nn.Module<Tensor, Tensor> BuildModule();

    /// <summary>The study's LSTM autoencoder with code size <paramref name="embeddingSize"/>.</summary>
    public static LstmSpec Lstm(int embeddingSize, int beatLength = 140) => new(embeddingSize, beatLength);

    /// <summary>The study's Transformer autoencoder [D, F, H, L].</summary>
    public static StudyTransformerSpec Transformer(int inputDim, int feedForwardDim, int heads, int layers, int beatLength = 140) =>
        new(inputDim, feedForwardDim, heads, layers, beatLength);

    /// <summary>The patch Transformer autoencoder, by default width 32, 4 heads, feed-forward 64, 2 layers.</summary>
    public static PatchTransformerSpec PatchTransformer(
        int beatLength = 140, int modelDim = 32, int feedForwardDim = 64, int heads = 4, int layers = 2) =>
        new(modelDim, feedForwardDim, heads, layers, beatLength);
}
