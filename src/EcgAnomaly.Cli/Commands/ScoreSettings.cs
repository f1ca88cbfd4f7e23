using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

public sealed class ScoreSettings : BundleInputSettings
{
    [CommandOption("--input <FILE>")]
    [Description("Beats to score: a UCR file (.tsv .txt .arff .ts, with labels), a CSV of one beat per row (values only), or - for standard input (CSV).")]
    public string Input { get; init; } = "";

    [CommandOption("--output <FILE>")]
    [Description("CSV to write (index, score, threshold, abnormal, and label when the input has labels); written atomically. Default: standard output.")]
    public string? Output { get; init; }

    [CommandOption("--threshold-policy <POLICY>")]
    [Description("Replace the threshold of model.json: a fixed number, or percentile:P, sigma:K, fpr:F applied to the validation-normal scores kept in the run folder.")]
    public string? ThresholdPolicy { get; init; }

    [CommandOption("--batch <N>")]
    [Description("Beats read and scored at a time (memory stays bounded however long the input is).")]
    [DefaultValue(4096)]
    public int Batch { get; init; } = 4096;

    public Detection.ThresholdPolicy? Policy => ThresholdPolicy is null ? null : Detection.ThresholdPolicy.Parse(ThresholdPolicy);

    public override ValidationResult Validate()
    {
        var shared = base.Validate();
        if (!shared.Successful) return shared;
        if (string.IsNullOrWhiteSpace(Input)) return ValidationResult.Error("--input is required (a beats file, or - for standard input)");
        if (Batch is < 1 or > 1_000_000) return ValidationResult.Error($"--batch must be between 1 and 1000000 (got {Batch})");
        if (ThresholdPolicy is not null && !Detection.ThresholdPolicy.TryParse(ThresholdPolicy, out _, out var policyError))
            return ValidationResult.Error($"--threshold-policy: {policyError}");
        return ValidationResult.Success();
    }
}
