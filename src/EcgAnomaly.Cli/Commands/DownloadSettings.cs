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

    public override ValidationResult Validate()
    {
        if (Url is not null && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            return ValidationResult.Error($"--url: '{Url}' is not an http(s) address");
        return ValidationResult.Success();
    }

    public Uri Source => Url is null ? Ecg5000Downloader.DefaultSource : new Uri(Url);

    public string CacheFolder => Cache ?? DataLocator.DefaultCacheFolder;
}
