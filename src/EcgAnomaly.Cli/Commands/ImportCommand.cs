using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Data;
using EcgAnomaly.Models;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly import</c>: a PyTorch state dict of the study's model as a run folder.</summary>
internal sealed class ImportCommand(IAnsiConsole console) : Command<ImportSettings>
{
    public override int Execute(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        IO.StagingFolder.EnsureUsable(Path.GetFullPath(settings.Out));
        IO.OutputPaths.EnsureApart(settings.Out, settings.PyTorch, settings.Data);
        var data = Ecg5000.Load(DataLocator.LocateEcg5000(settings.Data));
        var split = DataSplit.FromEcg5000(data, EvaluationProtocol.Seed, settings.Seed);
        var manifest = PyTorchImport.Execute(settings.PyTorch, ModelSpec.Lstm(settings.Embedding, split.Train.Length), split,
            settings.Policy, new RunDescription("ECG5000", "seed", data.Sha256), settings.Out, settings.Seed);
        console.MarkupLineInvariant(
            $"imported {manifest.Architecture.ShortName} ({manifest.Parameters:N0} parameters) into [bold]{settings.Out}[/]; ",
            $"threshold {manifest.Threshold.Value:0.###} ({manifest.Threshold.Policy})");
        return 0;
    }
}
