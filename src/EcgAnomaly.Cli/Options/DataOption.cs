using Spectre.Console;

namespace EcgAnomaly.Cli.Options;

/// <summary>
/// The data group, <c>--data</c>: one option that verbs on different branches of the settings classes take (train,
/// bench, reproduce, import, bench-record), so its definition is constants and one check that each declares and calls,
/// rather than a base class.
/// </summary>
internal static class DataOption
{
    public const string Template = "--data <DIR>";

    public const string Description =
        "Folder holding ECG5000/ and raw-ecg/ (default: $ECG_ANOMALY_DATA; ECG5000 then also from the download cache).";

    /// <summary>A blank --data would quietly fall back to $ECG_ANOMALY_DATA: an explicit folder is a promise.</summary>
    public static ValidationResult Validate(string? folder) =>
        folder is not null && string.IsNullOrWhiteSpace(folder)
            ? ValidationResult.Error("--data: the folder name is empty (leave --data out to use $ECG_ANOMALY_DATA)")
            : ValidationResult.Success();
}
