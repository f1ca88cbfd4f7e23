using System.Text.Json.Serialization;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>
/// The per-patient protocol's totals over the evaluated records: SVEB counts with flagged beats labelled S (the VEB
/// totals are the report's own), and the AUCs of AAMI N against V and S, averaged over the records that have such beats
/// and pooled. Pooled AUCs rank the beats of all records by their score divided by their record's threshold, since each
/// record has its own model.
/// </summary>
public sealed record PerPatientSummary
{
    /// <summary>The SVEB counts of the evaluated records added up.</summary>
    [JsonConverter(typeof(Ec57CountsJsonConverter))]
    public required Ec57Counts SvebSum { get; init; }

    /// <summary>Gross statistics of <see cref="SvebSum"/>.</summary>
    public required Ec57Statistics SvebGross { get; init; }

    /// <summary>Average statistics of the records' SVEB counts.</summary>
    public required Ec57Statistics SvebAverage { get; init; }

    /// <summary>Mean ROC AUC of N against V over the records that have both.</summary>
    public double? VebAucMean { get; init; }

    /// <summary>Records behind <see cref="VebAucMean"/>.</summary>
    public int VebAucRecords { get; init; }

    /// <summary>Mean ROC AUC of N against S over the records that have both.</summary>
    public double? SvebAucMean { get; init; }

    /// <summary>Records behind <see cref="SvebAucMean"/>.</summary>
    public int SvebAucRecords { get; init; }

    /// <summary>ROC AUC of N against V over the beats of all records, scores divided by each record's threshold.</summary>
    public double? VebAucPooled { get; init; }

    /// <summary>ROC AUC of N against S over the beats of all records, scores divided by each record's threshold.</summary>
    public double? SvebAucPooled { get; init; }

    /// <summary>The summary of the per-patient results of <paramref name="records"/> (those without one are left out).</summary>
    public static PerPatientSummary Of(IEnumerable<PerPatientResult> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var all = records.ToArray();
        var sveb = all.Select(r => r.SvebCounts).ToArray();
        var sum = Ec57Counts.Sum(sveb);
        var veb = all.Select(r => r.VebAuc).OfType<double>().ToArray();
        var sv = all.Select(r => r.SvebAuc).OfType<double>().ToArray();
        return new PerPatientSummary
        {
            SvebSum = sum,
            SvebGross = Ec57Statistics.Of(sum),
            SvebAverage = Ec57Statistics.Average(sveb),
            VebAucMean = veb.Length == 0 ? null : veb.Average(),
            VebAucRecords = veb.Length,
            SvebAucMean = sv.Length == 0 ? null : sv.Average(),
            SvebAucRecords = sv.Length,
            VebAucPooled = PerPatientResult.Auc(Pooled(all, r => r.NormalScores), Pooled(all, r => r.VebScores)),
            SvebAucPooled = PerPatientResult.Auc(Pooled(all, r => r.NormalSvebScores ?? r.NormalScores), Pooled(all, r => r.SvebScores)),
        };
    }

    private static double[] Pooled(PerPatientResult[] records, Func<PerPatientResult, IReadOnlyList<double>> scores) =>
        [.. records.SelectMany(r => scores(r).Select(s => !r.ScoresCalibrated && r.Threshold > 0 ? s / r.Threshold : s))];
}
