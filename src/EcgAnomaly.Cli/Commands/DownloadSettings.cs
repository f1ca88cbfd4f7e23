using System.ComponentModel;
using EcgAnomaly.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

internal sealed class DownloadSettings : CommandSettings
{
    [CommandOption("--url <URL>")]
    [Description("Where to fetch ECG5000.zip (default: the UCR/UEA archive).")]
    public string? Url { get; init; }

    [CommandOption("--cache <DIR>")]
    [Description("Folder to unpack into; ECG5000/ is created inside it (default: the per-user cache, ~/.cache/ecg-anomaly on Linux).")]
    public string? Cache { get; init; }

    [CommandOption("--force")]
    [Description("Download again even if a complete, verified copy is already in the cache.")]
    public bool Force { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("Longest wait for the server to connect, answer or send more of the file; then give up (exit 1).")]
    [DefaultValue(30.0)]
    public double Timeout { get; init; } = 30;

    public override ValidationResult Validate()
    {
        if (!(Timeout > 0 && Timeout <= 86400))
            return ValidationResult.Error($"--timeout must be between 0 and 86400 seconds (got {Timeout})");
        if (Url is not null && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            return ValidationResult.Error($"--url: '{Url}' is not an http(s) address");
        return ValidationResult.Success();
    }

    public Uri Source => Url is null ? Ecg5000Downloader.DefaultSource : new Uri(Url);

    public string CacheFolder => Cache ?? DataLocator.DefaultCacheFolder;
}
