using System.ComponentModel;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

public sealed class ScoreSettings : CommandSettings
{
    [CommandOption("--model <RUN>")]
    [Description("A run folder written by 'train' (model.json + model.pt).")]
    public string Model { get; init; } = "";

    [CommandOption("--input <FILE>")]
    [Description("Beats to score: a UCR file (.tsv .txt .arff .ts, with labels), a CSV of one beat per row (values only), or - for standard input (CSV).")]
    public string Input { get; init; } = "";

    [CommandOption("--output <FILE>")]
    [Description("CSV to write (index, score, threshold, abnormal, and label when the input has labels); written atomically. Default: standard output.")]
    public string? Output { get; init; }

    [CommandOption("--resample")]
    [Description("Resample beats of another length to the model's beat length by linear interpolation (otherwise they are refused).")]
    public bool Resample { get; init; }

    [CommandOption("--threshold-policy <POLICY>")]
    [Description("Replace the threshold of model.json: a fixed number, or percentile:P, sigma:K, fpr:F applied to the validation-normal scores kept in the run folder.")]
    public string? ThresholdPolicy { get; init; }

    [CommandOption("--batch <N>")]
    [Description("Beats read and scored at a time (memory stays bounded however long the input is).")]
    [DefaultValue(4096)]
    public int Batch { get; init; } = 4096;

    [CommandOption("--kernel <NAME>")]
    [Description("auto, fast or reference.")]
    [DefaultValue("auto")]
    public string Kernel { get; init; } = "auto";

    public TrainingKernel KernelChoice => KernelNames.Parse(Kernel);

    public Detection.ThresholdPolicy? Policy => ThresholdPolicy is null ? null : Detection.ThresholdPolicy.Parse(ThresholdPolicy);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model is required (a run folder written by 'train')");
        if (string.IsNullOrWhiteSpace(Input)) return ValidationResult.Error("--input is required (a beats file, or - for standard input)");
        if (Batch is < 1 or > 1_000_000) return ValidationResult.Error($"--batch must be between 1 and 1000000 (got {Batch})");
        if (!KernelNames.TryParse(Kernel, out _)) return ValidationResult.Error($"--kernel: unknown kernel '{Kernel}' (expected {KernelNames.Expected})");
        if (ThresholdPolicy is not null && !Detection.ThresholdPolicy.TryParse(ThresholdPolicy, out _, out var policyError))
            return ValidationResult.Error($"--threshold-policy: {policyError}");
        return ValidationResult.Success();
    }
}
