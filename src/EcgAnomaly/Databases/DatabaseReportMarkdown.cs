using System.Globalization;
using System.Text;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>
/// report.md: the protocol, then per record the two tables of bxb's line format as WFDB's sumstats totals them
/// (AAMI RP Tables 7 and 8: the matrix with the statistics, and the beats missed in shutdown), with its Sum, Gross and
/// Average lines, then the failed records with their errors. Percentages as bxb prints them ("-" when undefined).
/// </summary>
internal static class DatabaseReportMarkdown
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly Ec57Label[] N = [Ec57Label.N, Ec57Label.S];
    private static readonly Ec57Label[] Nfq = [Ec57Label.N, Ec57Label.S, Ec57Label.F, Ec57Label.Q];
    private static readonly Ec57Label[] Fq = [Ec57Label.F, Ec57Label.Q];
    private static readonly Ec57Label[] Ox = [Ec57Label.O, Ec57Label.X];
    private static readonly Ec57Label[] All = Enum.GetValues<Ec57Label>();

    public static string Format(DatabaseReport report, ReportContext context)
    {
        var p = report.Protocol;
        var evaluated = report.Records.Where(r => r.Succeeded).ToArray();
        var text = new StringBuilder();
        text.Append(C, $"# Beat-by-beat evaluation of {p.Database}\n\n");
        text.Append(C, $"{evaluated.Length} of {report.Records.Count} records evaluated");
        if (report.Shard is { } shard) text.Append(C, $" (shard {shard} of {report.Selection.Count} records)");
        text.Append(C, $"; {report.Failed.Count} failed");
        text.Append(report.Skipped.Count > 0 ? string.Create(C, $", {report.Skipped.Count} skipped.\n\n") : ".\n\n");
        text.Append(C, $"- Gross QRS sensitivity {Percent(report.Gross.QrsSensitivity)} %, positive predictivity ");
        text.Append(C, $"{Percent(report.Gross.QrsPositivePredictivity)} % ({report.Sum.QrsTruePositives} detected, ");
        text.Append(C, $"{report.Sum.QrsFalseNegatives} missed, {report.Sum.QrsFalsePositives} false)\n");
        text.Append(C, $"- Average QRS sensitivity {Percent(report.Average.QrsSensitivity)} %, positive predictivity ");
        text.Append(C, $"{Percent(report.Average.QrsPositivePredictivity)} %\n");
        if (report.PerPatient is { } pp)
        {
            text.Append(C, $"- Gross VEB sensitivity {Percent(report.Gross.VebSensitivity)} %, positive predictivity ");
            text.Append(C, $"{Percent(report.Gross.VebPositivePredictivity)} %; ");
            text.Append(C, $"gross SVEB sensitivity {Percent(pp.SvebGross.SvebSensitivity)} %, positive predictivity ");
            text.Append(C, $"{Percent(pp.SvebGross.SvebPositivePredictivity)} %\n");
            text.Append(C, $"- ROC AUC of AAMI N against V: mean {Fixed(pp.VebAucMean, "F3")} over {pp.VebAucRecords} records, ");
            text.Append(C, $"pooled {Fixed(pp.VebAucPooled, "F3")}; against S: mean {Fixed(pp.SvebAucMean, "F3")} over ");
            text.Append(C, $"{pp.SvebAucRecords} records, pooled {Fixed(pp.SvebAucPooled, "F3")}\n");
        }
        if (report.Skipped.Count > 0) text.Append(C, $"- {report.Skipped.Count} records skipped (see below)\n");
        text.Append('\n');

        text.Append("## Protocol\n\n");
        text.Append("ANSI/AAMI EC57 beat-by-beat comparison as WFDB's bxb makes it (the counts agree with bxb's).\n\n");
        text.Append(C, $"- Algorithm: {p.Algorithm}\n");
        text.Append(C, $"- Reference: the `{p.Annotator}` annotations\n");
        text.Append(C, $"- Lead: {(p.Lead is null ? "each record's ECG lead chosen by its description (MLII first)" : p.Lead)}\n");
        text.Append(C, $"- Match window: {p.MatchWindowSeconds * 1000:0.###} ms\n");
        text.Append(C, $"- Learning period: the first {p.LearningPeriodSeconds:0.###} s of each record are not scored; ");
        text.Append("the test period runs to the end of the record\n");
        text.Append(C, $"- Excluded: {p.Exclusions}\n");
        if (p.PerPatient is { } protocol) PerPatientProtocolLines(text, protocol);
        text.Append("- Gross statistics pool the counts of all evaluated records; ");
        text.Append("average statistics are the mean of the records' own values\n");
        if (context.MergedFrom.Count > 0)
        {
            var folders = string.Join(", ", context.MergedFrom.Select(f => $"`{f}`"));
            text.Append(C, $"- Merged from {context.MergedFrom.Count} folders: {folders}\n");
        }
        if (context.Command is { } command) text.Append(C, $"- Command: `{command}`\n");
        text.Append(C, $"- Wall time: {context.Elapsed.TotalSeconds:0.0} s");
        text.Append(context.Parallel > 0 ? string.Create(C, $", {context.Parallel} records at once\n") : "\n");
        if (context.RecordSeconds is { Count: > 0 } times)
        {
            var sorted = times.Order().ToArray();
            text.Append(C, $"- Time per evaluated record: median {sorted[sorted.Length / 2]:0.0} s, longest {sorted[^1]:0.0} s\n");
        }
        text.Append('\n');

        text.Append("## QRS and VEB detection (bxb's line format, sumstats' totals)\n\n");
        text.Append("| Record | Nn' | Vn' | Fn' | On' | Nv | Vv | Fv' | Ov' | No' | Vo' | Fo' | Q Se | Q +P | V Se | V +P | V FPR |\n");
        text.Append("|---|" + string.Concat(Enumerable.Repeat("--:|", 16)) + "\n");
        foreach (var r in evaluated) LineRow(text, r.Record, r.Counts!, Ec57Statistics.Of(r.Counts!));
        LineRow(text, "**Sum**", report.Sum, null);
        StatisticsRow(text, "**Gross**", report.Gross);
        StatisticsRow(text, "**Average**", report.Average);

        if (report.PerPatient is { } summary) PerPatientTable(text, report, evaluated, summary);

        text.Append("\n## Beats missed in shutdown\n\n");
        text.Append("| Record | Nx | Vx | Fx | Qx | % beats missed | % N missed | % V missed | % F missed | Total shutdown (s) |\n");
        text.Append("|---|" + string.Concat(Enumerable.Repeat("--:|", 9)) + "\n");
        foreach (var r in evaluated) ShutdownRow(text, r.Record, r.Counts!);
        ShutdownRow(text, "**Sum**", report.Sum);

        text.Append("\n## Records\n\n");
        text.Append("| Record | Lead | Hz | Minutes | Reference beats | Detected beats | SVEB Se | SVEB +P | RMS RR error (ms) |\n");
        text.Append("|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
        foreach (var r in evaluated)
        {
            text.Append(C, $"| {r.Record} | {r.Lead} | {r.SamplingFrequency:0.###} | {r.DurationSeconds / 60:0.0} | {r.ReferenceBeats} | ");
            var sveb = r.PerPatient?.SvebCounts ?? r.Counts!;
            text.Append(C, $"{r.DetectedBeats} | {Percent(sveb.SvebSensitivity)} | {Percent(sveb.SvebPositivePredictivity)} | ");
            text.Append(C, $"{Fixed(r.Counts!.RmsRrErrorMs, "F2")} |\n");
        }

        if (report.Skipped.Count > 0)
        {
            text.Append("\n## Skipped records\n\n| Record | Why |\n|---|---|\n");
            foreach (var r in report.Skipped) text.Append(C, $"| {r.Record} | {Cell(r.Skipped ?? "")} |\n");
        }

        text.Append("\n## Failed records\n\n");
        if (report.Failed.Count == 0) text.Append("None.\n");
        else
        {
            text.Append("| Record | Error |\n|---|---|\n");
            foreach (var r in report.Failed) text.Append(C, $"| {r.Record} | {Cell(r.Error ?? "")} |\n");
        }
        return text.ToString();
    }

    private static void PerPatientProtocolLines(StringBuilder text, PerPatientProtocol p)
    {
        text.Append(C, $"- Per-patient training: {p.TrainingLabels}\n");
        text.Append(C, $"- Model: {p.Model} (LSTM autoencoder, embedding 32), {p.Epochs} epochs, seed {p.Seed}, beats z-scored, ");
        text.Append(C, $"trained on the first {p.Minutes:0.##} min of each record (a shuffled share held out for validation)\n");
        text.Append(C, $"- Threshold: {p.ThresholdPolicy} of the validation beats' reconstruction errors; beats above it are flagged\n");
        if (p.Ectopy is { } ectopy)
        {
            text.Append(C, $"- Labels: the population classifier `{ectopy}` (`fit-ectopy`) labels each scored beat V, S or N from its ");
            text.Append("reconstruction error, QRS correlation with the dominant shape, rhythm and QRS shape group; each record by a ");
            text.Append("classifier that did not learn from it\n");
            text.Append("- AUC: ROC AUC of the classifier's V (or S) probability of test beats matched to reference AAMI N against ");
            text.Append("V (or S); mean over the records that have both, pooled over all their beats\n");
            return;
        }
        text.Append("- Labels: flagged beats are V and the others N for the VEB statistics, flagged beats are S for the SVEB ");
        text.Append("statistics: an anomaly detector does not tell V from S, so each class's +P counts the other class's beats ");
        text.Append("as false positives\n");
        text.Append("- AUC: ROC AUC of the scores of test beats matched to reference AAMI N against V (or S); mean over the ");
        text.Append("records that have both, pooled over all their beats with each score divided by its record's threshold\n");
    }

    private static void PerPatientTable(StringBuilder text, DatabaseReport report, RecordEvaluation[] evaluated, PerPatientSummary s)
    {
        text.Append("\n## Per-patient VEB and SVEB detection\n\n");
        text.Append("| Record | Trained on | Scored | Flagged | Threshold | V Se | V +P | V FPR | V AUC | S Se | S +P | S FPR | S AUC |\n");
        text.Append("|---|" + string.Concat(Enumerable.Repeat("--:|", 12)) + "\n");
        foreach (var r in evaluated)
        {
            if (r.PerPatient is not { } pp) continue;
            text.Append(C, $"| {r.Record} | {pp.TrainBeats} | {pp.ScoredBeats} | {pp.FlaggedBeats} | {pp.Threshold:0.##} | ");
            text.Append(VebSvebCells(Ec57Statistics.Of(r.Counts!), pp.VebAuc, Ec57Statistics.Of(pp.SvebCounts), pp.SvebAuc));
        }
        var trained = evaluated.Sum(r => (long?)r.PerPatient?.TrainBeats ?? 0);
        var scored = evaluated.Sum(r => (long?)r.PerPatient?.ScoredBeats ?? 0);
        var flagged = evaluated.Sum(r => (long?)r.PerPatient?.FlaggedBeats ?? 0);
        text.Append(C, $"| **Gross** (AUC pooled) | {trained} | {scored} | {flagged} | | ");
        text.Append(VebSvebCells(report.Gross, s.VebAucPooled, s.SvebGross, s.SvebAucPooled));
        text.Append("| **Average** (AUC mean) | | | | | ");
        text.Append(VebSvebCells(report.Average, s.VebAucMean, s.SvebAverage, s.SvebAucMean));
    }

    private static string VebSvebCells(Ec57Statistics veb, double? vebAuc, Ec57Statistics sveb, double? svebAuc) =>
        string.Create(C, $"{Percent(veb.VebSensitivity)} | {Percent(veb.VebPositivePredictivity)} | ")
        + string.Create(C, $"{Fixed(veb.VebFalsePositiveRate * 100, "F3")} | {Fixed(vebAuc, "F3")} | ")
        + string.Create(C, $"{Percent(sveb.SvebSensitivity)} | {Percent(sveb.SvebPositivePredictivity)} | ")
        + string.Create(C, $"{Fixed(sveb.SvebFalsePositiveRate * 100, "F3")} | {Fixed(svebAuc, "F3")} |\n");

    private static void LineRow(StringBuilder text, string record, Ec57Counts c, Ec57Statistics? s)
    {
        long[] counts =
        [
            c.Total(N, Nfq), c.Total([Ec57Label.V], Nfq), c.Total(Fq, Nfq),
            c.Total(Ox, Nfq), c.Total(N, [Ec57Label.V]), c[Ec57Label.V, Ec57Label.V], c.Total(Fq, [Ec57Label.V]),
            c.Total(Ox, [Ec57Label.V]), c.Total(N, Ox), c.Total([Ec57Label.V], Ox), c.Total(Fq, Ox),
        ];
        text.Append(C, $"| {record} | {string.Join(" | ", counts.Select(v => v.ToString(C)))} | ");
        text.Append(s is null ? "| | | | |\n" : StatisticCells(s) + "\n");
    }

    private static void StatisticsRow(StringBuilder text, string label, Ec57Statistics s) =>
        text.Append(C, $"| {label} |{string.Concat(Enumerable.Repeat(" |", 11))} {StatisticCells(s)}\n");

    private static string StatisticCells(Ec57Statistics s) =>
        string.Create(C, $"{Percent(s.QrsSensitivity)} | {Percent(s.QrsPositivePredictivity)} | {Percent(s.VebSensitivity)} | ")
        + string.Create(C, $"{Percent(s.VebPositivePredictivity)} | {Fixed(s.VebFalsePositiveRate * 100, "F3")} |");

    private static void ShutdownRow(StringBuilder text, string record, Ec57Counts c)
    {
        var n = c.Total(N, [Ec57Label.X]);
        var v = c[Ec57Label.V, Ec57Label.X];
        var f = c[Ec57Label.F, Ec57Label.X];
        var q = c[Ec57Label.Q, Ec57Label.X];
        text.Append(C, $"| {record} | {n} | {v} | {f} | {q} | ");
        text.Append(C, $"{Ratio(n + v + f + q, c.QrsTruePositives + c.QrsFalseNegatives)} | {Ratio(n, c.Total(N, All))} | ");
        text.Append(C, $"{Ratio(v, c.Total([Ec57Label.V], All))} | {Ratio(f, c.Total([Ec57Label.F], All))} | {c.ShutdownSeconds} |\n");
    }

    private static string Ratio(long a, long b) => b <= 0 ? "-" : (100.0 * a / b).ToString("F2", C);

    private static string Percent(double? fraction) => Fixed(fraction * 100, "F2");

    private static string Fixed(double? value, string format) => value?.ToString(format, C) ?? "-";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
