using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>merge-shards</c>: the output folders to merge and the folder to write.</summary>
internal sealed class MergeShardsSettings : CommandSettings
{
    [CommandArgument(0, "<FOLDERS>")]
    [Description("Output folders of 'evaluate-database --shard K/N', one for every K from 1 to N (or whole runs over different "
        + "records, with the same protocol).")]
    public string[] Folders { get; init; } = [];

    [CommandOption("--out <DIR>")]
    [Description("Folder to create for the merged report (the same files as an unsharded run's); it appears only when "
        + "complete. An existing non-empty folder is refused.")]
    public string Out { get; init; } = "";

    public override ValidationResult Validate()
    {
        if (Folders.Length == 0) return ValidationResult.Error("name the output folders of the shards to merge");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required (the folder for the merged report)");
        return ValidationResult.Success();
    }
}
