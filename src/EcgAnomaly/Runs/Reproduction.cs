using System.Text.Json;
using EcgAnomaly.Data;
using EcgAnomaly.IO;
using EcgAnomaly.Models;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Training;

namespace EcgAnomaly.Runs;

/// <summary>
/// Runs every (configuration, seed) of a <see cref="ReproductionRequest"/> into OUT/runs/NAME-seedS, keeping a checkpoint
/// per epoch in OUT/checkpoints/NAME-seedS, and rewrites results.md and results.json after each finished run. Started
/// again with the same arguments it skips finished runs and continues the unfinished one after its last epoch.
/// </summary>
public static class Reproduction
{
    /// <summary>The table for people, in the output folder.</summary>
    public const string ResultsMarkdown = "results.md";

    /// <summary>The table for programs (<see cref="ReproductionReport"/>), in the output folder.</summary>
    public const string ResultsJson = "results.json";

    /// <summary>Runs what is not finished yet and returns the table of every finished run.</summary>
    /// <param name="request">Configurations, seeds, options, protocol and output folder.</param>
    /// <param name="observerFor">Gives the progress observer of each (configuration, seed) run that still has work.</param>
    /// <param name="cancellationToken">Stops the current run between batches; its checkpoint lets it resume.</param>
    public static ReproductionReport Execute(
        ReproductionRequest request,
        Func<CatalogueEntry, int, ITrainingObserver?>? observerFor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Every unfinished run's checkpoint is checked before any work, so that a mismatch is told at once.
        foreach (var entry in request.Configurations)
        {
            for (var seed = 1; seed <= request.Seeds; seed++)
                CheckpointStore.CheckSettings(CheckpointFolder(request, entry, seed), Settings(request, entry, seed));
        }
        Directory.CreateDirectory(request.OutputFolder);
        var report = Report(request);
        foreach (var entry in request.Configurations)
        {
            for (var seed = 1; seed <= request.Seeds; seed++)
            {
                var name = RunName(entry, seed);
                var runFolder = Path.Combine(request.OutputFolder, "runs", name);
                var checkpoints = CheckpointFolder(request, entry, seed);
                if (File.Exists(Path.Combine(runFolder, RunFiles.Metrics)))
                {
                    // Killed after the run folder appeared but before its checkpoint was removed.
                    if (Directory.Exists(checkpoints)) Directory.Delete(checkpoints, recursive: true);
                    continue;
                }
                var split = DataSplit.FromEcg5000(request.Data, request.Protocol, seed);
                if (CheckpointStore.LastEpoch(checkpoints) == 0) CheckpointStore.WriteSettings(checkpoints, Settings(request, entry, seed));
                var runRequest = new TrainingRunRequest(
                    split,
                    entry.Spec.WithBeatLength(split.Train.Length),
                    request.Options with { Seed = seed, CheckpointFolder = checkpoints },
                    request.ThresholdPolicy,
                    new RunDescription("ECG5000", request.Protocol.ToString().ToLowerInvariant(), request.Data.Sha256),
                    runFolder);
                TrainingRun.Execute(runRequest, observerFor?.Invoke(entry, seed), cancellationToken);
                Directory.Delete(checkpoints, recursive: true);
                report = Report(request);
            }
        }
        return report;
    }

    /// <summary>The folder name of one run, e.g. lstm32-seed1 (under runs/ and checkpoints/).</summary>
    public static string RunName(CatalogueEntry entry, int seed) => $"{entry.Name}-seed{seed}";

    private static string CheckpointFolder(ReproductionRequest request, CatalogueEntry entry, int seed) =>
        Path.Combine(request.OutputFolder, "checkpoints", RunName(entry, seed));

    /// <summary>What makes a run's epochs comparable: resuming with any of these changed would mix two runs.</summary>
    internal static Dictionary<string, string> Settings(ReproductionRequest request, CatalogueEntry entry, int seed)
    {
        var o = request.Options;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = entry.Spec.DisplayName,
            ["epochs"] = o.Epochs.ToString(invariant),
            ["protocol"] = request.Protocol.ToString().ToLowerInvariant(),
            ["seed"] = seed.ToString(invariant),
            ["batch"] = o.BatchSize.ToString(invariant),
            ["lr"] = o.LearningRate.ToString("R", invariant),
            ["engine"] = o.Engine.ToString().ToLowerInvariant(),
            ["device"] = o.Device ?? "auto",
            ["threshold-policy"] = request.ThresholdPolicy.ToString(),
            ["data"] = string.Join(",", request.Data.Sha256.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value)),
        };
    }

    /// <summary>Epochs a run has finished: all when its folder is complete, else those in its checkpoint.</summary>
    public static int EpochsDone(ReproductionRequest request, CatalogueEntry entry, int seed)
    {
        var name = RunName(entry, seed);
        if (File.Exists(Path.Combine(request.OutputFolder, "runs", name, RunFiles.Metrics))) return request.Options.Epochs;
        return CheckpointStore.LastEpoch(Path.Combine(request.OutputFolder, "checkpoints", name));
    }

    /// <summary>A finished run's metrics.json, checked: a null, empty or corrupt one is named, not a stack trace.</summary>
    /// <exception cref="DataFormatException">The file is not a metrics.json this tool wrote.</exception>
    private static RunMetrics ReadMetrics(string path)
    {
        const string Again = "delete this run's folder to run it again";
        RunMetrics? metrics;
        try
        {
            metrics = JsonSerializer.Deserialize<RunMetrics>(File.ReadAllText(path), RunJson.Options);
        }
        catch (JsonException e)
        {
            throw DataFormatException.Malformed(
                path, (int?)e.LineNumber + 1, $"not a valid metrics.json ({e.Message.Split(". ")[0]}); {Again}");
        }
        if (metrics is null || metrics.Model is null)
            throw DataFormatException.Malformed(path, null, $"not a valid metrics.json (no metrics); {Again}");
        return metrics;
    }

    /// <summary>
    /// Summarises the finished runs of every catalogue configuration that was asked for or already has runs in the
    /// folder (so that reproductions of different subsets into one folder build one table), and writes results.md and
    /// results.json.
    /// </summary>
    public static ReproductionReport Report(ReproductionRequest request)
    {
        var rows = new List<ConfigurationResult>();
        var runs = Path.Combine(request.OutputFolder, "runs");
        foreach (var entry in ModelCatalogue.All)
        {
            var metrics = (Directory.Exists(runs) ? Directory.GetDirectories(runs, entry.Name + "-seed*") : [])
                .Where(d => int.TryParse(Path.GetFileName(d)[(entry.Name.Length + 5)..], out _))
                .Select(d => Path.Combine(d, RunFiles.Metrics))
                .Where(File.Exists)
                .Order()
                .Select(ReadMetrics)
                .ToList();
            if (metrics.Count == 0 && request.Configurations.All(c => c.Name != entry.Name)) continue;
            long parameters;
            using (var model = entry.Spec.Build()) parameters = ParameterCount.Of(model);
            var last = metrics.Select(m => m.RocAuc).ToList();
            var best = metrics.Select(m => m.RocAucBest).ToList();
            rows.Add(new ConfigurationResult(entry.Name, entry.Spec.DisplayName, parameters, metrics.Count, last, best,
                Mean(last), Sd(last), Mean(best), Sd(best), Median(metrics.Select(m => m.SecondsPerEpochMedian).ToList()),
                entry.StudyClaimedAuc, entry.StudyMeasuredAucs));
        }
        var protocol = request.Protocol.ToString().ToLowerInvariant();
        var report = new ReproductionReport(request.Options.Epochs, request.Seeds, protocol, DateTimeOffset.UtcNow, rows);
        AtomicFile.WriteAllText(Path.Combine(request.OutputFolder, ResultsJson), RunJson.Serialize(report));
        AtomicFile.WriteAllText(Path.Combine(request.OutputFolder, ResultsMarkdown), report.Markdown());
        return report;
    }

    private static double Mean(List<double> v) => v.Count == 0 ? double.NaN : v.Average();

    private static double Sd(List<double> v)
    {
        if (v.Count < 2) return 0;
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
    }

    private static double Median(List<double> v)
    {
        if (v.Count == 0) return double.NaN;
        var sorted = v.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
