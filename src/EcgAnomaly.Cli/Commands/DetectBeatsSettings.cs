using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

internal sealed class DetectBeatsSettings : CommandSettings
{
    [CommandOption("--record <PATH>")]
    [Description("A recording: a WFDB record (its .hea file, or the record path without extension, e.g. data/mitdb/100) or an "
        + "EDF/EDF+ file (.edf; BDF as .bdf).")]
    public string Record { get; init; } = "";

    [CommandOption("--lead <NAME>")]
    [Description("The lead to detect on, by its name in the file (e.g. MLII) or 0-based number. Default: the ECG lead "
        + "chosen by its description, in the order MLII, ECG, II, V1-V6, I, III, aVR, aVL, aVF (never a pressure, EEG or "
        + "respiration channel).")]
    public string? Lead { get; init; }

    [CommandOption("--annotator <NAME>")]
    [Description("Reference annotation file extension to compare with when it exists (record.atr). An EDF+ file's reference is "
        + "its own annotations whose texts are WFDB beat labels (N, V, ...).")]
    [DefaultValue("atr")]
    public string Annotator { get; init; } = "atr";

    [CommandOption("--output <FILE>")]
    [Description("Also write the detected R peaks as CSV (sample, time in seconds, RR before), written whole or not at all.")]
    public string? Output { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Record)
            ? ValidationResult.Error("--record is required (a WFDB record path or an EDF file)")
            : ValidationResult.Success();
}
