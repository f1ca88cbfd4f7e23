namespace EcgAnomaly.Benchmarking;

/// <summary>
/// A speed run with what is needed to read it later: when, on what processor, with how many Torch threads, which
/// model and data, and per engine the timings (written as JSON by <c>ecg-anomaly bench --json</c>).
/// </summary>
public sealed record SpeedBenchReport(
    DateTimeOffset Started,
    string Cpu,
    int LogicalCores,
    int TorchThreads,
    string Device,
    string TorchSharpVersion,
    string Model,
    long Parameters,
    string Protocol,
    int TrainBeats,
    int ValidationBeats,
    int BatchSize,
    int EpochsPerEngine,
    bool PeakWorkingSetPerEngine,
    IReadOnlyList<EngineSpeed> Engines);
