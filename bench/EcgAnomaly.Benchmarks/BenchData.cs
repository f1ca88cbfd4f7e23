using EcgAnomaly.Data;
using TorchSharp;

namespace EcgAnomaly.Benchmarks;

/// <summary>
/// ECG5000 and the seed-protocol split, loaded once per benchmark process (in global setup, never in a measured
/// method). The data is found as <c>ecg-anomaly</c> finds it: <c>ECG_ANOMALY_DATA</c>, then the download cache.
/// </summary>
internal static class BenchData
{
    /// <summary>Optional Torch thread count for every benchmark process (they inherit the host's environment).</summary>
    public const string ThreadsVariable = "ECG_ANOMALY_BENCH_THREADS";

    private static readonly Lazy<Ecg5000> Loaded = new(() => Ecg5000.Load(DataLocator.LocateEcg5000(null)));

    private static readonly Lazy<DataSplit> SeedSplit = new(() => DataSplit.FromEcg5000(Loaded.Value, EvaluationProtocol.Seed, seed: 777));

    public static Ecg5000 Ecg5000 => Loaded.Value;

    /// <summary>1,970 train and 657 validation normal beats of ECG5000_TEST (the study's split).</summary>
    public static DataSplit Split => SeedSplit.Value;

    public static void ApplyThreads()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(ThreadsVariable), out var threads) && threads > 0)
            torch.set_num_threads(threads);
        Console.WriteLine($"// Torch threads: {torch.get_num_threads()}");
    }
}
