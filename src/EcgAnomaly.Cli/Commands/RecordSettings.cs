using System.ComponentModel;
using EcgAnomaly.Cli.Options;
using EcgAnomaly.Detection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>record</c>: the compute group without the device (the library's record scoring takes none) and
/// --threshold-policy, plus the recording and what to write.</summary>
internal sealed class RecordSettings : ComputeSettings
{
    [CommandOption("--model <RUN>")]
    [Description("A run folder written by 'train' (for instance 'train --record ... --minutes 5') or 'import'.")]
    public string Model { get; init; } = "";

    [CommandOption("--record <PATH>")]
    [Description("A WFDB record (the .hea file, or the record path without extension) or an EDF/EDF+ file (.edf; BDF as .bdf).")]
    public string Record { get; init; } = "";

    [CommandOption("--lead <NAME>")]
    [Description("Lead to score, by name (e.g. MLII) or 0-based number (default: the lead the model was trained on, else the ECG "
        + "lead chosen by its description, in the order MLII, ECG, II, V1-V6, I, III, aVR, aVL, aVF).")]
    public string? Lead { get; init; }

    [CommandOption("--beat-window <WINDOW>")]
    [Description("rr or fixed:B,A (default: the model's, else rr; see 'train --help').")]
    public string? BeatWindow { get; init; }

    [CommandOption("--from <MINUTES>")]
    [Description(
        "Score beats from this minute on (default: after the minutes the model learned from when it was trained on this record, else 0).")]
    public double? From { get; init; }

    [CommandOption(ThresholdOption.Template)]
    [Description(ThresholdOption.OverrideDescription)]
    public string? ThresholdPolicy { get; init; }

    [CommandOption("--strips <N>")]
    [Description("How many of the most abnormal 10-second stretches strips.png shows.")]
    [DefaultValue(3)]
    public int Strips { get; init; } = 3;

    [CommandOption("--ectopy <FILE|built-in|none>")]
    [Description("The population classifier that labels each beat V, S or N from its score, QRS correlation with the dominant "
        + "shape, rhythm and shape group (p_v, p_s and class columns in beats.csv, counts in summary.md). Default: "
        + "'built-in' (learned from the 44 non-paced MIT-BIH records) whenever the model was trained on this record "
        + "(train --record), which it needs; 'none' turns it off; or a classifier file of 'fit-ectopy', e.g. "
        + "docs/results/mitdb-per-patient/ectopy-ds1.json (DS1 records only).")]
    public string? Ectopy { get; init; }

    [CommandOption("--out <DIR>")]
    [Description(
        "Folder to create for beats.csv, summary.md, summary.json and the plots (default: record-<name>). "
        + "An existing non-empty folder is refused.")]
    public string? Out { get; init; }

    public ThresholdPolicy? Policy => ThresholdOption.Parse(ThresholdPolicy);

    public override ValidationResult Validate()
    {
        var groups = OptionChecks.FirstError(base.Validate(), ThresholdOption.Validate(ThresholdPolicy));
        if (!groups.Successful) return groups;
        if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model is required (a run folder written by 'train')");
        if (string.IsNullOrWhiteSpace(Record)) return ValidationResult.Error("--record is required (a WFDB record path or an EDF file)");
        if (BeatWindow is not null)
        {
            try { Signals.BeatWindow.Parse(BeatWindow); }
            catch (FormatException e) { return ValidationResult.Error($"--beat-window: {e.Message}"); }
        }
        // Bounded where it is parsed: minutes become samples and a TimeSpan, which overflow far below double's range.
        if (From is not null && !(From >= 0 && From <= InputLimits.MaxRecordMinutes))
            return ValidationResult.Error($"--from must be between 0 and {InputLimits.MaxRecordMinutes:0} minutes (got {From})");
        if (Strips is < 0 or > 50) return ValidationResult.Error($"--strips must be between 0 and 50 (got {Strips})");
        return ValidationResult.Success();
    }
}
