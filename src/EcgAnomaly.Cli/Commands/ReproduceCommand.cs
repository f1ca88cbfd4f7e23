using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Data;
using EcgAnomaly.Runs;
using EcgAnomaly.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly reproduce</c>: the study's table, every configuration x seed, resumable.</summary>
internal sealed class ReproduceCommand(IAnsiConsole console) : Command<ReproduceSettings>
{
    public override int Execute(CommandContext context, ReproduceSettings settings, CancellationToken cancellationToken)
    {
        var dataFolder = DataLocator.LocateEcg5000(settings.Data);
        IO.OutputPaths.EnsureApart(settings.Out, dataFolder);
        var data = Ecg5000.Load(dataFolder);
        using var threads = TorchThreads.Use(settings.Threads);
        var request = new ReproductionRequest(
            data,
            settings.Configurations,
            settings.Seeds,
            new TrainingOptions { Epochs = settings.Epochs, Engine = settings.EngineChoice, Device = settings.Device },
            settings.Protocol == "official" ? EvaluationProtocol.Official : EvaluationProtocol.Seed,
            settings.Out);


        var total = request.Configurations.Count * request.Seeds * request.Options.Epochs;
        var done = request.Configurations.Sum(e => Enumerable.Range(1, request.Seeds).Sum(s => Reproduction.EpochsDone(request, e, s)));
        console.MarkupLineInvariant(
            $"reproduce: {request.Configurations.Count} configuration(s) x {request.Seeds} seed(s) x {request.Options.Epochs} epochs ",
            $"into [bold]{settings.Out}[/] ({done} of {total} epochs already done)");
        ReproductionReport report;
        if (console.Profile.Capabilities.Interactive)
        {
            report = StandardProgress.For(console)
                .Start(ctx =>
                {
                    var overall = ctx.AddTask("all runs", maxValue: total);
                    overall.Value = done;
                    return Reproduction.Execute(
                        request, (entry, seed) => new ReproduceObserver(console, overall, $"{entry.Name} seed {seed}"), cancellationToken);
                });
        }
        else
        {
            report = Reproduction.Execute(
                request, (entry, seed) => new ReproduceObserver(console, null, $"{entry.Name} seed {seed}"), cancellationToken);
        }
        console.WriteLine();
        console.WriteLine(report.Markdown());
        console.MarkupLineInvariant(
            $"written: [bold]{Path.Combine(settings.Out, Reproduction.ResultsMarkdown)}[/] and {Reproduction.ResultsJson}");
        return 0;
    }
}
