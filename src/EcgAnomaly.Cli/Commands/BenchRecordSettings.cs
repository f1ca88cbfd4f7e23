using System.ComponentModel;
using EcgAnomaly.Cli.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>bench-record</c>: the compute group (no device: the untrained detector it times lives on the CPU) and
/// --data, plus the recording to make.</summary>
internal sealed class BenchRecordSettings : ComputeSettings
{
    [CommandOption("--hours <H>")]
    [Description("Length of the synthetic recording to make and time.")]
    [DefaultValue(24.0)]
    public double Hours { get; init; } = 24;

    [CommandOption("--source <PATH>")]
    [Description("WFDB record repeated to make it (default: raw-ecg/mitdb/100 under --data / $ECG_ANOMALY_DATA: two leads at 360 Hz).")]
    public string? Source { get; init; }

    [CommandOption("--model <RUN>")]
    [Description(
        "Run folder whose model scores the beats (default: an untrained LSTM E=32, seed 1: scoring costs the same whatever the weights).")]
    public string? Model { get; init; }

    [CommandOption("--work <DIR>")]
    [Description("Folder for the synthetic record (default: a new folder under the system temp folder, deleted afterwards).")]
    public string? Work { get; init; }

    [CommandOption(DataOption.Template)]
    [Description(DataOption.Description)]
    public string? Data { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Also write the results as JSON to FILE (written whole or not at all).")]
    public string? Json { get; init; }

    public override ValidationResult Validate()
    {
        var groups = OptionChecks.FirstError(base.Validate(), DataOption.Validate(Data));
        if (!groups.Successful) return groups;
        if (!(Hours > 0 && Hours <= 24 * 14)) return ValidationResult.Error($"--hours must be above 0 and at most 336 (got {Hours})");
        return ValidationResult.Success();
    }
}
