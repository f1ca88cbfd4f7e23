using System.ComponentModel;
using System.Net;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>serve</c>: what to serve, where to listen, and the guards.</summary>
internal sealed class ServeSettings : CommandSettings
{
    /// <summary>The environment variable an API key can come from (kept out of the process list).</summary>
    public const string ApiKeyVariable = "ECG_ANOMALY_API_KEY";

    [CommandOption("--runs <DIR>")]
    [Description("Folder whose sub-folders are run folders (train's --out); each is a model named by its folder name.")]
    [DefaultValue("runs")]
    public string Runs { get; init; } = "runs";

    [CommandOption("--records <DIR>")]
    [Description("Folder whose sub-folders are output folders of 'record', or the output folder of a per-patient "
        + "'evaluate-database' run: each scored recording gets a viewer page. Signals are read from this folder or from "
        + "--recordings (an evaluated record's by its name).")]
    public string? Records { get; init; }

    [CommandOption("--recordings <DIR>")]
    [Description("A folder the viewer may read recordings (.hea/.dat, .edf) from besides --records; repeat for more.")]
    public string[] Recordings { get; init; } = [];

    [CommandOption("--host <ADDRESS>")]
    [Description("Address to listen on. Default 127.0.0.1 (this machine only); any other address needs an API key.")]
    [DefaultValue("127.0.0.1")]
    public string Host { get; init; } = "127.0.0.1";

    [CommandOption("--port <N>")]
    [Description("TCP port to listen on.")]
    [DefaultValue(5057)]
    public int Port { get; init; } = 5057;

    [CommandOption("--api-key <KEY>")]
    [Description($"A key every /api request must carry (X-Api-Key header or Bearer token); default: the {ApiKeyVariable} "
        + "environment variable, or none on loopback.")]
    public string? ApiKey { get; init; }

    [CommandOption("--max-beats <N>")]
    [Description("The most beats one scoring request may hold (more: 413).")]
    [DefaultValue(100_000)]
    public int MaxBeats { get; init; } = 100_000;

    [CommandOption("--max-upload-mb <N>")]
    [Description("The largest recording upload accepted by POST /api/records, in MiB (more: 413).")]
    [DefaultValue(1024)]
    public int MaxUploadMb { get; init; } = 1024;

    [CommandOption("--jobs <DIR>")]
    [Description("Folder for uploaded recordings (POST /api/records), kept after the server stops. Default: a temporary "
        + "folder, removed when it stops.")]
    public string? Jobs { get; init; }

    [CommandOption("--max-body-mb <N>")]
    [Description("The largest request body accepted, in MiB (more: 413).")]
    [DefaultValue(64)]
    public int MaxBodyMb { get; init; } = 64;

    public string? Key => ApiKey is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    public override ValidationResult Validate()
    {
        if (!IPAddress.TryParse(Host, out var address))
            return ValidationResult.Error($"--host must be an IP address such as 127.0.0.1 or 0.0.0.0 (got '{Host}')");
        if (Port is < 0 or > 65535) return ValidationResult.Error($"--port must be between 0 and 65535 (got {Port})");
        if (MaxBeats is < 1 or > 10_000_000) return ValidationResult.Error($"--max-beats must be between 1 and 10000000 (got {MaxBeats})");
        if (MaxUploadMb is < 1 or > 65536)
            return ValidationResult.Error($"--max-upload-mb must be between 1 and 65536 (got {MaxUploadMb})");
        if (MaxBodyMb is < 1 or > 4096) return ValidationResult.Error($"--max-body-mb must be between 1 and 4096 (got {MaxBodyMb})");
        if (!IPAddress.IsLoopback(address) && Key is null)
            return ValidationResult.Error($"--host {Host} lets other machines in: give --api-key or set {ApiKeyVariable}");
        if (!Directory.Exists(Runs)) return ValidationResult.Error($"--runs {Runs}: no such folder (train --out writes run folders)");
        if (Records is not null && !Directory.Exists(Records))
            return ValidationResult.Error($"--records {Records}: no such folder (record --out writes scored recordings)");
        if (Recordings.FirstOrDefault(r => !Directory.Exists(r)) is { } missing)
            return ValidationResult.Error($"--recordings {missing}: no such folder");
        return ValidationResult.Success();
    }
}
