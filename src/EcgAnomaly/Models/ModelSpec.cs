using System.Globalization;
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

    /// <summary>
    /// Checks every size, then the whole model against <see cref="ModelLimits"/> (parameters and working memory per beat,
    /// estimated from the sizes, before anything is built); the exception's <see cref="ArgumentException.ParamName"/> is
    /// the property at fault when one is.
    /// </summary>
    /// <exception cref="ArgumentException">A size is out of its range, sizes do not fit together, or the model is too large.</exception>
    public void Validate()
    {
        Preconditions.CheckArgumentRange(nameof(BeatLength), BeatLength, MinimumBeatLength, ModelLimits.MaxBeatLength);
        ValidateSizes();
        var parameters = EstimateParameters();
        if (parameters > ModelLimits.MaxParameters)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{DisplayName} would have {parameters:N0} parameters; this tool builds no more than {ModelLimits.MaxParameters:N0}"));
        var working = EstimateWorkingFloatsPerBeat() * sizeof(float);
        if (working > ModelLimits.MaxWorkingBytesPerBeat)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{DisplayName} on beats of {BeatLength:N0} samples would need about ")
                + string.Create(CultureInfo.InvariantCulture, $"{working / (1 << 20):N0} MiB of working memory per beat; ")
                + string.Create(CultureInfo.InvariantCulture, $"the limit is {ModelLimits.MaxWorkingBytesPerBeat >> 20:N0} MiB ")
                + "(use shorter beats or smaller sizes)");
    }

    /// <summary>
    /// Trainable parameters computed from the sizes alone, without building the module (equal to
    /// <see cref="ParameterCount"/>, tested), so that a spec too large to build is refused before it is built.
    /// </summary>
    public abstract long EstimateParameters();

    /// <summary>
    /// Floats one beat keeps alive in a training step (activations saved for the backward pass), estimated from the
    /// sizes; the real figure is within a small factor, which is all a bound needs.
    /// </summary>
    public abstract double EstimateWorkingFloatsPerBeat();

    /// <summary>
    /// The most beats one scoring pass should hold (a caller's larger batch is cut to it): unlimited unless a family's
    /// passes get slower per beat when larger.
    /// </summary>
    public virtual int ScoringBatchLimit => int.MaxValue;

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
