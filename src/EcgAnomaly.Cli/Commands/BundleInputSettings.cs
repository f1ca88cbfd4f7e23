using System.ComponentModel;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary>What <c>score</c> and <c>evaluate</c> share: a run folder, beats to apply it to, and how.</summary>
public abstract class BundleInputSettings : CommandSettings
{
    [CommandOption("--model <RUN>")]
    [Description("A run folder written by 'train' or 'import' (model.json + model.pt).")]
    public string Model { get; init; } = "";

    [CommandOption("--resample")]
    [Description("Resample beats of another length to the model's beat length by linear interpolation (otherwise they are refused).")]
    public bool Resample { get; init; }

    [CommandOption("--kernel <NAME>")]
    [Description("auto, fast or reference.")]
    [DefaultValue("auto")]
    public string Kernel { get; init; } = "auto";

    public ComputeEngine KernelChoice => KernelNames.Parse(Kernel);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model is required (a run folder written by 'train')");
        if (!KernelNames.TryParse(Kernel, out _)) return ValidationResult.Error($"--kernel: unknown kernel '{Kernel}' (expected {KernelNames.Expected})");
        return ValidationResult.Success();
    }
}
