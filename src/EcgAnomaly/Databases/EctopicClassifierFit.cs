using EcgAnomaly.Ectopy;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>
/// Fits an <see cref="EctopicClassifier"/> on the scored beats a per-patient <c>evaluate-database</c> run kept
/// (records/&lt;name&gt;.json): each beat's error ratio, QRS correlation and rhythm with its reference class.
/// </summary>
public static class EctopicClassifierFit
{
    /// <summary>
    /// The classifier learned from the records of <paramref name="folder"/> named in <paramref name="records"/> (all when null).
    /// </summary>
    /// <exception cref="DataFormatException">The folder is no per-patient evaluation, or a named record is not in it.</exception>
    public static EctopicClassifier FromEvaluation(string folder, IReadOnlyCollection<string>? records)
    {
        var report = DatabaseReportFiles.ReadReport(folder);
        var results = DatabaseReportFiles.ReadRecords(folder);
        var missing = records?.Where(r => results.All(e => e.Record != r)).ToArray() ?? [];
        if (missing.Length > 0)
            throw DataFormatException.Malformed(Path.Combine(folder, DatabaseReportFiles.RecordsFolder), null,
                $"no result for record {string.Join(", ", missing)}");
        var chosen = results.Where(r => records is null || records.Contains(r.Record))
            .Where(r => r.PerPatient?.Beats is not null)
            .ToArray();
        if (chosen.Length == 0)
            throw DataFormatException.Malformed(Path.Combine(folder, DatabaseReportFiles.ReportJson), null,
                "no record with per-patient beats: run evaluate-database --detector per-patient first");
        var beats = chosen.SelectMany(r => r.PerPatient!.Beats!.Select(b => (Features(b, r.PerPatient.Threshold), Class(b.Reference))))
            .Where(b => b.Item2 is not null)
            .Select(b => (b.Item1, b.Item2!.Value))
            .ToArray();
        return EctopicClassifier.Fit(beats, [.. chosen.Select(r => $"{report.Protocol.Database}/{r.Record}")]);
    }

    /// <summary>What the classifier reads of one kept beat.</summary>
    public static EctopicFeatures Features(PerPatientBeat beat, double threshold)
    {
        ArgumentNullException.ThrowIfNull(beat);
        return new EctopicFeatures(beat.Score / threshold, beat.QrsCorrelation, beat.ToRhythm(),
            new ShapeGroupRhythm(beat.GroupShare, beat.GroupPrematurity, beat.GroupPause));
    }

    private static AamiClass? Class(string? reference) => Enum.TryParse<AamiClass>(reference, out var aami) ? aami : null;
}
