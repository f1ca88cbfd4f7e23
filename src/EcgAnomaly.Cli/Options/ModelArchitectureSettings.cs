using System.ComponentModel;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Options;

/// <summary>
/// The model-architecture group: which model to build and its sizes, for the verbs that build one (train, bench).
/// <c>import</c> takes only <c>--model</c> and <c>--embedding</c> (it reads LSTM weights), declared with the constants
/// and the check below.
/// </summary>
internal abstract class ModelArchitectureSettings : DeviceSettings
{
    internal const string KindTemplate = "--model <KIND>";
    internal const string KindDescription =
        "Architecture: lstm (the study's LSTM autoencoder), transformer (the study's Transformer autoencoder), "
        + "transformer-ae (a patch Transformer with a bottleneck that cannot copy its input).";
    internal const string EmbeddingTemplate = "--embedding <E>";
    internal const string EmbeddingDescription =
        "LSTM code size E; the study used 32, 64, 128 and 256 (63,297 / 249,473 / 990,465 / 3,947,009 parameters).";
    internal const int DefaultEmbedding = 32;

    [CommandOption(KindTemplate)]
    [Description(KindDescription)]
    [DefaultValue("lstm")]
    public string Model { get; init; } = "lstm";

    [CommandOption(EmbeddingTemplate)]
    [Description(EmbeddingDescription)]
    [DefaultValue(DefaultEmbedding)]
    public int Embedding { get; init; } = DefaultEmbedding;

    [CommandOption("--input-dim <D>")]
    [Description(
        "Transformer token width: D of the study's Transformer (2 or 4 in the study), or the width of transformer-ae "
        + "(default 32 there).")]
    public int? InputDim { get; init; }

    [CommandOption("--ff-dim <F>")]
    [Description("Transformer feed-forward width (study: 256 or 512; transformer-ae default 64).")]
    public int? FeedForwardDim { get; init; }

    [CommandOption("--heads <H>")]
    [Description("Transformer attention heads (study: 2 or 4; transformer-ae default 4).")]
    public int? Heads { get; init; }

    [CommandOption("--layers <L>")]
    [Description("Transformer encoder and decoder layers (default 2).")]
    public int? Layers { get; init; }

    /// <summary>The model to build for beats of <paramref name="beatLength"/> samples.</summary>
    /// <exception cref="ArgumentException">A size is not valid for the family (the spec names the size at fault).</exception>
    public ModelSpec Spec(int beatLength) =>
        ModelFamilies.Create(Model, new ModelSizes(Embedding, InputDim, FeedForwardDim, Heads, Layers), beatLength);

    public override ValidationResult Validate()
    {
        var device = base.Validate();
        if (!device.Successful) return device;
        if (ModelFamilies.Find(Model) is null)
            return ValidationResult.Error($"--model: unknown model '{Model}' (expected one of {string.Join(", ", ModelFamilies.Kinds)})");
        try
        {
            // The family's spec checks its own sizes; its messages name the spec's properties, shown here as flags.
            Spec(140);
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error(ArgumentMessage.Of(e));
        }
        return ValidationResult.Success();
    }

    /// <summary>The LSTM's own range check for <c>--embedding</c>, for <c>import</c>, which takes no other size.</summary>
    internal static ValidationResult ValidateEmbedding(int embedding)
    {
        try
        {
            ModelSpec.Lstm(embedding).Validate();
            return ValidationResult.Success();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error(ArgumentMessage.Of(e));
        }
    }
}
