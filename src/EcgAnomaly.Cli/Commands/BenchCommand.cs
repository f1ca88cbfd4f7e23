using EcgAnomaly.Benchmarking;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Data;
using EcgAnomaly.IO;
using EcgAnomaly.Models;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Runs;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly bench</c>: settings → <see cref="SpeedBench"/> → a table (and JSON when asked).</summary>
public sealed class BenchCommand(IAnsiConsole console) : Command<BenchSettings>
{
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var folder = DataLocator.LocateEcg5000(settings.Data);
        // Torch's thread count is process-wide: put it back afterwards so an in-process caller (the tests) keeps its own.
        var threadsBefore = torch.get_num_threads();
        if (settings.Threads > 0) torch.set_num_threads(settings.Threads);
        try
        {
            return Run(settings, folder, cancellationToken);
        }
        finally
        {
            torch.set_num_threads(threadsBefore);
        }
    }

    private int Run(BenchSettings settings, string folder, CancellationToken cancellationToken)
    {
        var options = new SpeedBenchOptions
        {
            Spec = ModelFamilies.Create(settings.Model, new ModelSizes(EmbeddingSize: settings.Embedding)),
            Kernels = settings.Kernels,
            Epochs = settings.Epochs,
            Seed = settings.Seed,
            ScoringRepeats = settings.Repeats,
            ScoringBeats = settings.ScoringBeats,
        };
        var data = Ecg5000.Load(folder);
        console.MarkupLineInterpolated($"[bold]{options.Spec.ShortName}[/], seed protocol, {settings.Epochs} epoch(s) per kernel, {torch.get_num_threads()} Torch thread(s), {MachineInfo.CpuModel()} ({Environment.ProcessorCount} cores)");

        var report = SpeedBench.Run(data, options, new ProgressTrainingObserver(console, null, options.Spec.ShortName), cancellationToken);

        console.Write(BenchTable.Of(report));
        foreach (var kernel in report.Kernels) console.WriteLine(BenchTable.Summary(kernel));
        if (!report.PeakWorkingSetPerKernel)
            console.MarkupLine("[grey]peak working set: the whole process so far (this OS cannot reset the high-water mark)[/]");
        if (settings.Json is not null)
        {
            AtomicFile.WriteAllText(settings.Json, RunJson.Serialize(report));
            console.MarkupLineInterpolated($"results written to [bold]{settings.Json}[/]");
        }
        return 0;
    }
}
