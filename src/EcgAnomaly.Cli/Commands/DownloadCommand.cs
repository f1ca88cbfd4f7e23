using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly download</c>: fetch, verify and unpack ECG5000 into the cache.</summary>
internal sealed class DownloadCommand(IAnsiConsole console) : Command<DownloadSettings>
{
    public override int Execute(CommandContext context, DownloadSettings settings, CancellationToken cancellationToken)
    {
        var target = Path.Combine(settings.CacheFolder, Ecg5000Files.FolderName);
        if (!settings.Force && IsComplete(target))
        {
            console.MarkupLineInvariant($"ECG5000 is already in {target} (checksums verified); use --force to download again");
            return 0;
        }
        var timeout = TimeSpan.FromSeconds(settings.Timeout);
        // The downloader times every wait itself (--timeout); the client's overall limit would cut a slow, steady download.
        using var handler = new SocketsHttpHandler { ConnectTimeout = timeout };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        string? folder = null;
        console.Progress()
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new DownloadedColumn(),
                new TransferSpeedColumn(),
                new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ECG5000.zip", maxValue: 1);
                var progress = new Progress<(long Received, long? Total)>(p =>
                {
                    task.IsIndeterminate = p.Total is null;
                    task.MaxValue = p.Total ?? Math.Max(p.Received, 1);
                    task.Value = p.Received;
                });
                folder = Ecg5000Downloader.DownloadAsync(settings.Source, settings.CacheFolder, http, progress, timeout, cancellationToken)
                    .GetAwaiter()
                    .GetResult();
            });
        console.MarkupLineInvariant($"ECG5000 saved to [bold]{folder}[/] ({Ecg5000Files.ArchiveMembers.Count} files, sha256 verified)");
        return 0;
    }

    private static bool IsComplete(string folder) =>
        Ecg5000Files.ArchiveMembers.All(name =>
        {
            var path = Path.Combine(folder, name);
            return File.Exists(path) && Ecg5000.FileSha256(path) == Ecg5000Files.Sha256[name];
        });
}
