using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>fit-ectopy</c>: the per-patient evaluation to learn from, which of its records, and the file to write.</summary>
internal sealed class FitEctopySettings : CommandSettings
{
    [CommandOption("--from <DIR>")]
    [Description("Output folder of 'evaluate-database --detector per-patient' (or of merge-shards): its records/<name>.json keep "
        + "every scored beat with its reference class, reconstruction error, QRS correlation and rhythm.")]
    public string From { get; init; } = "";

    [CommandOption("--records <LIST>")]
    [Description("Learn only from these records, comma-separated (e.g. the DS1 records, to evaluate on the others). Default: "
        + "every record of the folder.")]
    public string? Records { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("The classifier file to write (JSON: the records it learned from, the weights and the thresholds); "
        + "'evaluate-database --detector per-patient --ectopy FILE' uses it.")]
    public string Out { get; init; } = "";

    public IReadOnlyCollection<string>? RecordList =>
        Records?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(From)) return ValidationResult.Error("--from is required (a per-patient evaluate-database folder)");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required (the classifier file to write)");
        if (Records is not null && RecordList!.Count == 0)
            return ValidationResult.Error("--records names no record (give names separated by commas, e.g. 101,106)");
        return ValidationResult.Success();
    }
}
