namespace EcgAnomaly.Server;

/// <summary>One cell of the load benchmark: a batch size driven by a number of concurrent clients.</summary>
/// <param name="BatchSize">Beats per request.</param>
/// <param name="Clients">Concurrent clients (each one request at a time).</param>
/// <param name="Requests">Requests sent (bounded).</param>
/// <param name="Errors">Requests that failed or did not answer 200.</param>
/// <param name="Seconds">Wall time of the cell.</param>
/// <param name="BeatsPerSecond">Beats scored per second of wall time.</param>
/// <param name="P50Milliseconds">Median request latency.</param>
/// <param name="P99Milliseconds">99th percentile of request latency.</param>
public sealed record LoadCell(
    int BatchSize, int Clients, int Requests, int Errors, double Seconds, double BeatsPerSecond, double P50Milliseconds,
    double P99Milliseconds);
