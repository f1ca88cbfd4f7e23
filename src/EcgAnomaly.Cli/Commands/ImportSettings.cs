using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

public sealed class ImportSettings : CommandSettings
{
    [CommandOption("--pytorch <FILE>")]
    [Description("A state dict saved by PyTorch (torch.save(model.state_dict(), FILE)) for the study's LSTM autoencoder.")]
    public string PyTorch { get; init; } = "";

    [CommandOption("--model <KIND>")]
    [Description("The architecture the state dict belongs to: lstm.")]
    [DefaultValue("lstm")]
    public string Model { get; init; } = "lstm";

    [CommandOption("--embedding <E>")]
    [Description("LSTM code size E of the state dict.")]
    [DefaultValue(32)]
    public int Embedding { get; init; } = 32;

    [CommandOption("--out <DIR>")]
    [Description("Run folder to create (refused if it exists and is not empty).")]
    public string Out { get; init; } = "";

    [CommandOption("--seed <N>")]
    [Description("Seed of the ECG5000 seed-protocol split whose validation normals set the threshold.")]
    [DefaultValue(777)]
    public int Seed { get; init; } = 777;

    [CommandOption("--threshold-policy <POLICY>")]
    [Description("percentile:P, sigma:K, fpr:F or a fixed number, applied to the validation-normal scores.")]
    [DefaultValue("percentile:99")]
    public string ThresholdPolicy { get; init; } = "percentile:99";

    [CommandOption("--data <DIR>")]
    [Description("Folder holding ECG5000/ (default: $ECG_ANOMALY_DATA, then the download cache).")]
    public string? Data { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(PyTorch)) return ValidationResult.Error("--pytorch is required (a state dict file)");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required (the run folder to create)");
        if (Model != "lstm") return ValidationResult.Error($"--model: unknown model '{Model}' (import supports lstm)");
        if (Embedding is < 1 or > 4096) return ValidationResult.Error($"--embedding must be between 1 and 4096 (got {Embedding})");
        if (!Detection.ThresholdPolicy.TryParse(ThresholdPolicy, out _, out var error)) return ValidationResult.Error($"--threshold-policy: {error}");
        return ValidationResult.Success();
    }
}
