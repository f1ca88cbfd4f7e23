using System.ComponentModel;
using EcgAnomaly.Cli.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary>
/// <c>import</c>: --data and --threshold-policy, and of the model group only --model and --embedding (it reads the
/// study's LSTM weights). No compute group: the library's import scores the validation normals on the default engine
/// and device and takes neither.
/// </summary>
internal sealed class ImportSettings : CommandSettings
{
    [CommandOption("--pytorch <FILE>")]
    [Description("A state dict saved by PyTorch (torch.save(model.state_dict(), FILE)) for the study's LSTM autoencoder (--model lstm).")]
    public string PyTorch { get; init; } = "";

    [CommandOption(ModelArchitectureSettings.KindTemplate)]
    [Description(ModelArchitectureSettings.KindDescription)]
    [DefaultValue("lstm")]
    public string Model { get; init; } = "lstm";

    [CommandOption(ModelArchitectureSettings.EmbeddingTemplate)]
    [Description(ModelArchitectureSettings.EmbeddingDescription)]
    [DefaultValue(ModelArchitectureSettings.DefaultEmbedding)]
    public int Embedding { get; init; } = ModelArchitectureSettings.DefaultEmbedding;

    [CommandOption("--out <DIR>")]
    [Description("Run folder to create (refused if it exists and is not empty).")]
    public string Out { get; init; } = "";

    [CommandOption("--seed <N>")]
    [Description("Seed of the ECG5000 seed-protocol split whose validation normals set the threshold.")]
    [DefaultValue(777)]
    public int Seed { get; init; } = 777;

    [CommandOption(ThresholdOption.Template)]
    [Description(ThresholdOption.Description)]
    [DefaultValue(ThresholdOption.Default)]
    public string ThresholdPolicy { get; init; } = ThresholdOption.Default;

    [CommandOption(DataOption.Template)]
    [Description(DataOption.Description)]
    public string? Data { get; init; }

    public Detection.ThresholdPolicy Policy => ThresholdOption.Parse(ThresholdPolicy);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(PyTorch)) return ValidationResult.Error("--pytorch is required (a state dict file)");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required (the run folder to create)");
        if (Model != "lstm") return ValidationResult.Error($"--model: unknown model '{Model}' (import supports lstm)");
        return OptionChecks.FirstError(
            ModelArchitectureSettings.ValidateEmbedding(Embedding), ThresholdOption.Validate(ThresholdPolicy), DataOption.Validate(Data));
    }
}
