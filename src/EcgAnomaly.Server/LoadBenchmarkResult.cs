namespace EcgAnomaly.Server;

/// <summary>What <see cref="LoadBenchmark"/> measured.</summary>
/// <param name="Model">The run folder scored with.</param>
/// <param name="Cells">One per batch size and client count.</param>
/// <param name="DirectBeatsPerSecond">The same model scoring the same beats in-process in batches of 4,096 (what
/// <c>ecg-anomaly score</c> does), the median of three passes: the ceiling the API is compared with.</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set (server and clients share the process).</param>
public sealed record LoadBenchmarkResult(
    string Model, IReadOnlyList<LoadCell> Cells, double DirectBeatsPerSecond, long PeakWorkingSetBytes);
