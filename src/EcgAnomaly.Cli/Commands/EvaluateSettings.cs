using System.ComponentModel;
using EcgAnomaly.Cli.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>evaluate</c>: the bundle group (with compute and device), plus the labelled beats.</summary>
internal sealed class EvaluateSettings : BundleInputSettings
{
    [CommandOption("--input <FILE>")]
    [Description("Labelled beats: a UCR file (.tsv .txt .arff .ts).")]
    public string Input { get; init; } = "";

    [CommandOption("--normal-class <C>")]
    [Description("The class that counts as normal; every other class is abnormal (default: the model's, from model.json).")]
    public int? NormalClass { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for evaluation.json, roc.png and histogram.png (created; an existing non-empty folder is refused).")]
    public string? Out { get; init; }

    public override ValidationResult Validate()
    {
        var shared = base.Validate();
        if (!shared.Successful) return shared;
        if (string.IsNullOrWhiteSpace(Input)) return ValidationResult.Error("--input is required (a labelled UCR file)");
        return ValidationResult.Success();
    }
}
