using System.Globalization;
using EcgAnomaly.Benchmarking;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.IO;
using EcgAnomaly.Models;
using EcgAnomaly.RunFolders;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly bench-record</c>: minutes per 24 hours of ECG and peak memory, on a synthetic recording.</summary>
internal sealed class BenchRecordCommand(IAnsiConsole console) : Command<BenchRecordSettings>
{
    public override int Execute(CommandContext context, BenchRecordSettings settings, CancellationToken cancellationToken)
    {
        using var threads = Internal.TorchThreads.Use(settings.Threads);
        var source = settings.Source ?? Path.Combine(
            settings.Data ?? Environment.GetEnvironmentVariable(DataLocator.EnvironmentVariable) ?? ".", "raw-ecg", "mitdb", "100");
        var work = settings.Work ?? Path.Combine(Path.GetTempPath(), $"ecg-anomaly-bench-{Environment.ProcessId}");
        var temporary = settings.Work is null;
        var sourceFiles = Signals.WfdbRecord.Open(source).Files();
        string[] inputs = [.. sourceFiles, .. settings.Model is null ? [] : InputFiles.OfRunFolder(settings.Model)];
        if (settings.Work is not null) OutputPaths.EnsureApart(settings.Work, inputs);
        if (settings.Json is { } json)
        {
            OutputPaths.EnsureWritableFile(json);
            OutputPaths.EnsureApart(json, inputs);
        }
        try
        {
            var writing = string.Create(
                CultureInfo.InvariantCulture,
                $"writing {settings.Hours:0.#} h of {Path.GetFileName(source)} as a format-212 record in {work}");
            var path = console.Status().Start(writing, _ => RecordBench.Synthesize(source, settings.Hours, work));
            using var detector = settings.Model is null
                ? RecordBench.UntrainedDetector(ModelSpec.Lstm(32), seed: 1, settings.EngineChoice)
                : DetectorBundle.Load(settings.Model, settings.EngineChoice);
            var result = RecordProgress.Run(console, "timing", 300, report =>
                RecordBench.Run(path, detector, progress: (stage, fraction) => report((long)(100 * Stage(stage) + 100 * fraction)),
                    cancellationToken: cancellationToken));

            var table = new Table().AddColumns("stage", "seconds", "minutes per 24 h");
            void Row(string stage, double seconds) => table.AddRow(stage, seconds.ToString("0.0", CultureInfo.InvariantCulture),
                (seconds / 60 * 24 / result.Hours).ToString("0.00", CultureInfo.InvariantCulture));
            Row("read (all leads)", result.ReadSeconds);
            Row("read + detect + cut (one lead)", result.DetectAndCutSeconds);
            Row($"read + detect + cut + score ({detector.Spec.ShortName})", result.FullPipelineSeconds);
            console.MarkupLineInvariant(
                $"{result.Hours:0.#} h, {result.Leads} leads x {result.SamplesPerLead:N0} samples at {result.SamplingFrequency:0} Hz, ",
                $"{result.Beats:N0} beats; {torch.get_num_threads()} Torch thread(s), {MachineInfo.CpuModel()}");
            console.Write(table);
            console.MarkupLineInvariant(
                $"peak working set {(result.PeakWorkingSetBytes / 1048576.0):0} MiB",
                $"{(result.PeakIsForPipelineOnly ? " (during the full pipeline)" : " (whole process)")}; ",
                $"[bold]{result.MinutesPer24Hours:0.00} min per 24 h of ECG[/]");
            if (settings.Json is not null)
            {
                var text = RunJson.Serialize(result);
                AtomicFile.Write(settings.Json, path => File.WriteAllText(path, text), cancellationToken);
            }
            return 0;
        }
        finally
        {
            if (temporary && Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static int Stage(string stage) => stage switch { "read" => 0, "detect + cut" => 1, _ => 2 };
}
