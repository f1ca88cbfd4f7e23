using System.Text.Json;
using EcgAnomaly.IO;
using EcgAnomaly.Reporting;
using EcgAnomaly.RunFolders;

namespace EcgAnomaly.Databases;

/// <summary>The files of a database evaluation's output folder, and how they are read back for a merge.</summary>
public static class DatabaseReportFiles
{
    /// <summary>One JSON file per record (<see cref="RecordEvaluation"/>): what a merge reads.</summary>
    public const string RecordsFolder = "records";

    /// <summary>One row per record: the comparison matrix, the statistics, or the error.</summary>
    public const string RecordsCsv = "records.csv";

    /// <summary>The report for people: protocol, tables per record in sumstats' layout, totals, failed records.</summary>
    public const string ReportMarkdown = "report.md";

    /// <summary>The report for programs (<see cref="DatabaseReport"/>).</summary>
    public const string ReportJson = "report.json";

    /// <summary>QRS sensitivity and positive predictivity per record.</summary>
    public const string QrsPlot = "qrs-per-record.png";

    /// <summary>Per-patient runs only: ROC AUC of AAMI N against V and against S per record.</summary>
    public const string EctopicPlot = "ectopic-per-record.png";

    /// <summary>The file of <paramref name="record"/>'s result in <paramref name="folder"/> ('/' of a nested name becomes '_').</summary>
    public static string RecordFile(string folder, string record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Path.Combine(folder, RecordsFolder, record.Replace('/', '_').Replace('\\', '_') + ".json");
    }

    /// <summary>Writes records/&lt;name&gt;.json, atomically.</summary>
    public static void WriteRecord(string folder, RecordEvaluation result)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.WriteAllText(RecordFile(folder, result.Record), RunJson.Serialize(result));
    }

    /// <summary>Every record's result in <paramref name="folder"/>'s records/, sorted by name.</summary>
    /// <exception cref="DataFormatException">The folder has no records/ or a file there is not a record's result.</exception>
    public static IReadOnlyList<RecordEvaluation> ReadRecords(string folder)
    {
        var records = Path.Combine(folder, RecordsFolder);
        if (!Directory.Exists(records))
            throw DataFormatException.Malformed(records, null, "folder not found: not an evaluate-database output");
        return Directory.EnumerateFiles(records, "*.json").Order(StringComparer.Ordinal).Select(Read<RecordEvaluation>)
            .OrderBy(r => r.Record, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The report.json of <paramref name="folder"/>.</summary>
    /// <exception cref="DataFormatException">It is missing or malformed.</exception>
    public static DatabaseReport ReadReport(string folder) => Read<DatabaseReport>(Path.Combine(folder, ReportJson));

    /// <summary>Writes records.csv, report.json, report.md and the plot (the records' JSON files are written as they finish).</summary>
    internal static void WriteReport(string folder, DatabaseReport report, ReportContext context)
    {
        // A shard can hold no record (more shards than records); its records/ must still exist for the merge to read.
        Directory.CreateDirectory(Path.Combine(folder, RecordsFolder));
        AtomicFile.WriteAllText(Path.Combine(folder, RecordsCsv), DatabaseReportCsv.Format(report));
        AtomicFile.WriteAllText(Path.Combine(folder, ReportJson), RunJson.Serialize(report));
        AtomicFile.WriteAllText(Path.Combine(folder, ReportMarkdown), DatabaseReportMarkdown.Format(report, context));
        var evaluated = report.Records.Where(r => r.Succeeded).ToArray();
        EvaluationPlots.PerRecord(Path.Combine(folder, QrsPlot),
            $"{report.Protocol.Database}: QRS detection per record (EC57, {report.Protocol.MatchWindowSeconds * 1000:0} ms window)",
            [.. evaluated.Select(r => r.Record)],
            [
                ("sensitivity", [.. evaluated.Select(r => r.Counts!.QrsSensitivity * 100)]),
                ("positive predictivity", [.. evaluated.Select(r => r.Counts!.QrsPositivePredictivity * 100)]),
            ],
            "%");
        var perPatient = evaluated.Where(r => r.PerPatient is not null).ToArray();
        if (perPatient.Length == 0) return;
        EvaluationPlots.PerRecord(Path.Combine(folder, EctopicPlot),
            $"{report.Protocol.Database}: per-patient detector, ROC AUC of AAMI N against V and S per record",
            [.. perPatient.Select(r => r.Record)],
            [
                ("N vs V", [.. perPatient.Select(r => r.PerPatient!.VebAuc)]),
                ("N vs S", [.. perPatient.Select(r => r.PerPatient!.SvebAuc)]),
            ],
            "ROC AUC");
    }

    private static T Read<T>(string file)
    {
        if (!File.Exists(file)) throw DataFormatException.MissingFile(file);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(file), RunJson.Options)
                ?? throw DataFormatException.Malformed(file, null, "the file holds null");
        }
        catch (JsonException e)
        {
            throw DataFormatException.Malformed(file, (int?)(e.LineNumber + 1), e.Message);
        }
    }
}
