using System.ComponentModel;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

public sealed class EvaluateSettings : CommandSettings
{
    [CommandOption("--model <RUN>")]
    [Description("A run folder written by 'train' (model.json + model.pt).")]
    public string Model { get; init; } = "";

    [CommandOption("--input <FILE>")]
    [Description("Labelled beats: a UCR file (.tsv .txt .arff .ts).")]
    public string Input { get; init; } = "";

    [CommandOption("--normal-class <C>")]
    [Description("The class that counts as normal; every other class is abnormal (default: the model's, from model.json).")]
    public int? NormalClass { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for evaluation.json, roc.png and histogram.png (created; an existing non-empty folder is refused).")]
    public string? Out { get; init; }

    [CommandOption("--resample")]
    [Description("Resample beats of another length to the model's beat length by linear interpolation.")]
    public bool Resample { get; init; }

    [CommandOption("--kernel <NAME>")]
    [Description("auto, fast or reference.")]
    [DefaultValue("auto")]
    public string Kernel { get; init; } = "auto";

    public TrainingKernel KernelChoice => KernelNames.Parse(Kernel);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model is required (a run folder written by 'train')");
        if (string.IsNullOrWhiteSpace(Input)) return ValidationResult.Error("--input is required (a labelled UCR file)");
        if (!KernelNames.TryParse(Kernel, out _)) return ValidationResult.Error($"--kernel: unknown kernel '{Kernel}' (expected {KernelNames.Expected})");
        return ValidationResult.Success();
    }
}
