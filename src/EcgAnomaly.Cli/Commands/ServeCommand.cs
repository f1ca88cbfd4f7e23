using System.Net;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Server;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly serve</c>: the scoring API on Kestrel until Ctrl-C.</summary>
internal sealed class ServeCommand(IAnsiConsole console) : Command<ServeSettings>
{
    public override int Execute(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var options = new ServeOptions
        {
            RunsFolder = settings.Runs,
            RecordsFolder = settings.Records,
            RecordingFolders = settings.Recordings,
            Address = IPAddress.Parse(settings.Host),
            Port = settings.Port,
            ApiKey = settings.Key,
            MaxBeats = settings.MaxBeats,
            MaxBodyBytes = (long)settings.MaxBodyMb << 20,
            MaxUploadBytes = (long)settings.MaxUploadMb << 20,
            JobsFolder = settings.Jobs,
        };
        using var host = ScoringServer.CreateHostBuilder(options).Build();
        host.Start();
        var address = ScoringServer.ListeningAddress(host).ToString().TrimEnd('/');
        console.MarkupLineInvariant($"serving the run folders of [bold]{Markup.Escape(settings.Runs)}[/] on ",
            $"[bold]{Markup.Escape(address)}[/] (viewer /, API page /api/docs); Ctrl-C stops");
        try
        {
            host.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }
        host.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        return 0;
    }
}
