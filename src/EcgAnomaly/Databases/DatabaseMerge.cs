using System.Diagnostics;
using EcgAnomaly.IO;

namespace EcgAnomaly.Databases;

/// <summary>
/// <c>ecg-anomaly merge-shards</c>: the output folders of <see cref="DatabaseEvaluation.Run"/> (usually its shards)
/// merged into one folder whose report is the one a single run over all their records writes. It reads each folder's
/// records/*.json and its report.json (for the protocol and the shard), and refuses folders that do not add up: other
/// protocols, a record twice, a shard missing or twice.
/// </summary>
public static class DatabaseMerge
{
    /// <summary>Merges <paramref name="folders"/> into <paramref name="outputFolder"/>, which appears only when complete.</summary>
    /// <param name="folders">Output folders of evaluate-database.</param>
    /// <param name="outputFolder">The folder to create; it must be absent or empty.</param>
    /// <param name="command">The command line, stated in report.md.</param>
    /// <param name="cancellationToken">Checked before the output folder is committed.</param>
    /// <exception cref="DataFormatException">A folder is not an evaluation's output, or the folders do not add up.</exception>
    /// <exception cref="OutputFolderException">The output folder exists and is not empty.</exception>
    public static DatabaseReport Run(IReadOnlyList<string> folders, string outputFolder, string? command = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(outputFolder);
        if (folders.Count == 0) throw new ArgumentException("no folder to merge", nameof(folders));
        var clock = Stopwatch.StartNew();
        StagingFolder.EnsureUsable(Path.GetFullPath(outputFolder));
        OutputPaths.EnsureApart(outputFolder, folders);

        var parts = folders
            .Select(f => (Folder: f, Report: DatabaseReportFiles.ReadReport(f), Records: DatabaseReportFiles.ReadRecords(f)))
            .ToArray();
        var first = parts[0];
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (folder, report, records) in parts)
        {
            var reportFile = Path.Combine(folder, DatabaseReportFiles.ReportJson);
            if (report.Protocol != first.Report.Protocol)
                throw DataFormatException.Malformed(reportFile, null,
                    $"its protocol ({Describe(report.Protocol)}) differs from that of {first.Folder} ({Describe(first.Report.Protocol)})");
            var listed = report.Records.Select(r => r.Record).ToArray();
            var found = records.Select(r => r.Record).ToArray();
            if (!listed.SequenceEqual(found, StringComparer.Ordinal))
                throw DataFormatException.Malformed(Path.Combine(folder, DatabaseReportFiles.RecordsFolder), null,
                    $"holds the results of {found.Length} records where {DatabaseReportFiles.ReportJson} lists {listed.Length}");
            foreach (var r in found)
            {
                if (!seen.TryAdd(r, folder))
                    throw DataFormatException.Malformed(DatabaseReportFiles.RecordFile(folder, r), null,
                        $"record {r} was evaluated in {seen[r]} too");
            }
        }
        var selection = CheckShards(parts.Select(p => (p.Folder, p.Report)).ToArray());
        var missing = selection.Where(s => !seen.ContainsKey(s)).ToArray();
        if (missing.Length > 0)
            throw DataFormatException.Malformed(first.Folder, null,
                $"no result for record {string.Join(", ", missing.Take(10))}{(missing.Length > 10 ? ", ..." : "")}: "
                + "merge the output folders of every shard");

        var merged = DatabaseReport.From(first.Report.Protocol, selection, null, parts.SelectMany(p => p.Records));
        using var staging = StagingFolder.Create(outputFolder);
        foreach (var record in merged.Records) DatabaseReportFiles.WriteRecord(staging.Path, record);
        DatabaseReportFiles.WriteReport(staging.Path, merged, new ReportContext(command, clock.Elapsed, 0, folders));
        staging.Commit(cancellationToken);
        return merged;
    }

    /// <summary>The selection the folders cover: a whole set of shards of one selection, or whole runs side by side.</summary>
    private static string[] CheckShards((string Folder, DatabaseReport Report)[] parts)
    {
        var sharded = parts.Where(p => p.Report.Shard is not null).ToArray();
        if (sharded.Length == 0)
            return [.. parts.SelectMany(p => p.Report.Selection).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (sharded.Length != parts.Length)
        {
            var whole = parts.First(p => p.Report.Shard is null);
            throw DataFormatException.Malformed(
                whole.Folder, null, $"a whole run cannot be merged with shards (such as {sharded[0].Folder})");
        }
        var shards = parts.Select(p => (p.Folder, p.Report, Shard: ShardSelection.Parse(p.Report.Shard!))).ToArray();
        var count = shards[0].Shard.Count;
        foreach (var (folder, report, shard) in shards)
        {
            if (shard.Count != count)
            {
                throw DataFormatException.Malformed(
                    folder, null, $"shard {shard} is of another split than {shards[0].Folder}'s ({shards[0].Shard})");
            }
            if (!report.Selection.SequenceEqual(shards[0].Report.Selection, StringComparer.Ordinal))
            {
                throw DataFormatException.Malformed(
                    folder, null, $"its shard {shard} was taken from other records than {shards[0].Folder}'s");
            }
        }
        var twice = shards.GroupBy(s => s.Shard.Index).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw DataFormatException.Malformed(twice.Last().Folder, null, $"shard {twice.Key}/{count} is also {twice.First().Folder}");
        var absent = Enumerable.Range(1, count).Where(k => shards.All(s => s.Shard.Index != k)).ToArray();
        if (absent.Length > 0)
            throw DataFormatException.Malformed(shards[0].Folder, null,
                $"shard {string.Join(", ", absent.Select(k => $"{k}/{count}"))} is missing from the merge");
        return [.. shards[0].Report.Selection];
    }

    private static string Describe(Ec57Protocol p) =>
        $"database {p.Database}, lead {p.Lead ?? "default"}, window {p.MatchWindowSeconds} s, learning {p.LearningPeriodSeconds} s, "
        + $"annotator {p.Annotator}, algorithm {p.Algorithm}";
}
