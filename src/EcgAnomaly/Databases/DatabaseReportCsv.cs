using System.Globalization;
using System.Text;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>records.csv: one row per record with the whole comparison matrix (column "N_v" counts reference N the
/// algorithm called v), bxb's shutdown and RR totals, the statistics as fractions, or the error of a failed record.</summary>
internal static class DatabaseReportCsv
{
    private static readonly Ec57Label[] Labels = Enum.GetValues<Ec57Label>();

    private static readonly (Ec57Label Row, Ec57Label Column)[] Cells =
        [.. Labels.SelectMany(r => Labels.Where(c => r < Ec57Label.O || c < Ec57Label.O).Select(c => (r, c)))];

    public static string Format(DatabaseReport report)
    {
        var text = new StringBuilder();
        text.Append("record,status,error,lead,sampling_frequency_hz,duration_s,reference_beats,detected_beats,");
        text.Append(string.Join(",", Cells.Select(c => $"{c.Row}_{c.Column.ToString().ToLowerInvariant()}")));
        text.Append(",shutdown_s,rr_error_squares_ms2,rr_intervals,qrs_se,qrs_pp,veb_se,veb_pp,veb_fpr,sveb_se,sveb_pp,rms_rr_error_ms");
        // Per-patient columns come last and stay empty for the QRS detector, so that readers of the QRS columns are unaffected.
        text.Append(",pp_threshold,pp_train_beats,pp_scored_beats,pp_flagged_beats,pp_sveb_se,pp_sveb_pp,pp_sveb_fpr,veb_auc,sveb_auc\n");
        foreach (var r in report.Records)
        {
            var c = r.Counts;
            var fields = new List<string>
            {
                Quote(r.Record), r.Succeeded ? "ok" : r.Skipped is null ? "failed" : "skipped", Quote(r.Error ?? r.Skipped ?? ""),
                Quote(r.Lead ?? ""), Number(r.SamplingFrequency),
                Number(r.DurationSeconds), Number(r.ReferenceBeats), Number(r.DetectedBeats),
            };
            fields.AddRange(Cells.Select(cell => c is null ? "" : Number(c[cell.Row, cell.Column])));
            fields.AddRange([Number(c?.ShutdownSeconds), Number(c?.RrErrorSquaresMs), Number(c?.RrIntervalCount)]);
            fields.AddRange(new[]
            {
                c?.QrsSensitivity, c?.QrsPositivePredictivity, c?.VebSensitivity, c?.VebPositivePredictivity, c?.VebFalsePositiveRate,
                c?.SvebSensitivity, c?.SvebPositivePredictivity, c?.RmsRrErrorMs,
            }.Select(Number));
            var pp = r.PerPatient;
            fields.AddRange([Number(pp?.Threshold), Number(pp?.TrainBeats), Number(pp?.ScoredBeats), Number(pp?.FlaggedBeats)]);
            fields.AddRange(new[]
            {
                pp?.SvebCounts.SvebSensitivity, pp?.SvebCounts.SvebPositivePredictivity, pp?.SvebCounts.SvebFalsePositiveRate,
                pp?.VebAuc, pp?.SvebAuc,
            }.Select(Number));
            text.Append(string.Join(",", fields)).Append('\n');
        }
        return text.ToString();
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
