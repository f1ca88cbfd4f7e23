namespace EcgAnomaly.Databases;

/// <summary>How a report came about, for report.md only: report.json holds results, which must not depend on it.</summary>
/// <param name="Command">The command line, when known.</param>
/// <param name="Elapsed">Wall time of the run or the merge.</param>
/// <param name="Parallel">Records evaluated at once (0 for a merge).</param>
/// <param name="MergedFrom">The folders merged, or empty for a run.</param>
/// <param name="RecordSeconds">Wall time of each record of a run (none for a merge).</param>
internal sealed record ReportContext(
    string? Command, TimeSpan Elapsed, int Parallel, IReadOnlyList<string> MergedFrom, IReadOnlyList<double>? RecordSeconds = null);
