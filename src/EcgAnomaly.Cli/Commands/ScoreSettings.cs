using System.ComponentModel;
using EcgAnomaly.Cli.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>score</c>: the bundle group (with compute and device) and --threshold-policy, plus input and output.</summary>
internal sealed class ScoreSettings : BundleInputSettings
{
    [CommandOption("--input <FILE>")]
    [Description(
        "Beats to score: a UCR file (.tsv .txt .arff .ts, with labels), a CSV of one beat per row (values only), "
        + "or - for standard input (CSV).")]
    public string Input { get; init; } = "";

    [CommandOption("--output <FILE>")]
    [Description(
        "CSV to write (index, score, threshold, abnormal, and label when the input has labels); written atomically. "
        + "Default: standard output.")]
    public string? Output { get; init; }

    [CommandOption(ThresholdOption.Template)]
    [Description(ThresholdOption.OverrideDescription)]
    public string? ThresholdPolicy { get; init; }

    [CommandOption("--batch <N>")]
    [Description("Beats read and scored at a time (memory stays bounded however long the input is).")]
    [DefaultValue(4096)]
    public int Batch { get; init; } = 4096;

    public Detection.ThresholdPolicy? Policy => ThresholdOption.Parse(ThresholdPolicy);

    public override ValidationResult Validate()
    {
        var groups = OptionChecks.FirstError(base.Validate(), ThresholdOption.Validate(ThresholdPolicy));
        if (!groups.Successful) return groups;
        if (string.IsNullOrWhiteSpace(Input)) return ValidationResult.Error("--input is required (a beats file, or - for standard input)");
        if (Batch is < 1 or > 1_000_000) return ValidationResult.Error($"--batch must be between 1 and 1000000 (got {Batch})");
        return ValidationResult.Success();
    }
}
