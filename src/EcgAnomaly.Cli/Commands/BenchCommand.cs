using EcgAnomaly.Benchmarking;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Data;
using EcgAnomaly.IO;
using EcgAnomaly.RunFolders;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly bench</c>: settings → <see cref="SpeedBench"/> → a table (and JSON when asked).</summary>
internal sealed class BenchCommand(IAnsiConsole console) : Command<BenchSettings>
{
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var folder = DataLocator.LocateEcg5000(settings.Data);
        if (settings.Json is { } json)
        {
            OutputPaths.EnsureWritableFile(json);
            OutputPaths.EnsureApart(json, folder);
        }
        using var threads = TorchThreads.Use(settings.Threads);
        return Run(settings, folder, cancellationToken);
    }

    private int Run(BenchSettings settings, string folder, CancellationToken cancellationToken)
    {
        var options = new SpeedBenchOptions
        {
            // ECG5000's beats are 140 samples long.
            Spec = settings.Spec(140),
            Engines = settings.Engines,
            Device = settings.Device,
            Epochs = settings.Epochs,
            BatchSize = settings.TrainBatch,
            Seed = settings.Seed,
            ScoringRepeats = settings.Repeats,
            ScoringBeats = settings.ScoringBeats,
        };
        var data = Ecg5000.Load(folder);
        console.MarkupLineInvariant(
            $"[bold]{options.Spec.ShortName}[/], seed protocol, {settings.Epochs} epoch(s) per engine (batch {settings.TrainBatch}), ",
            $"{torch.get_num_threads()} Torch thread(s), {MachineInfo.CpuModel()} ({Environment.ProcessorCount} cores)");

        SpeedBenchReport report;
        using (var storm = settings.GcStorm ? CollectionStorm.Start() : null)
        {
            report = SpeedBench.Run(data, options, new ProgressTrainingObserver(console, null, options.Spec.ShortName), cancellationToken);
            if (storm is not null) console.MarkupLineInvariant($"garbage collections beside the run: {storm.Collections:N0}");
        }

        console.Write(BenchTable.Of(report));
        foreach (var engine in report.Engines) console.WriteLine(BenchTable.Summary(engine));
        if (!report.PeakWorkingSetPerEngine)
            console.MarkupLine("[grey]peak working set: the whole process so far (this OS cannot reset the high-water mark)[/]");
        if (settings.Json is not null)
        {
            var text = RunJson.Serialize(report);
            AtomicFile.Write(settings.Json, path => File.WriteAllText(path, text), cancellationToken);
            console.MarkupLineInvariant($"results written to [bold]{settings.Json}[/]");
        }
        return 0;
    }
}
