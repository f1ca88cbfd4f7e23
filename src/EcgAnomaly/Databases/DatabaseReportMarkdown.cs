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
        text.Append(C, $"; {report.Failed.Count} failed.\n\n");
        text.Append(C, $"- Gross QRS sensitivity {Percent(report.Gross.QrsSensitivity)} %, positive predictivity ");
        text.Append(C, $"{Percent(report.Gross.QrsPositivePredictivity)} % ({report.Sum.QrsTruePositives} detected, ");
        text.Append(C, $"{report.Sum.QrsFalseNegatives} missed, {report.Sum.QrsFalsePositives} false)\n");
        text.Append(C, $"- Average QRS sensitivity {Percent(report.Average.QrsSensitivity)} %, positive predictivity ");
        text.Append(C, $"{Percent(report.Average.QrsPositivePredictivity)} %\n\n");

        text.Append("## Protocol\n\n");
        text.Append("ANSI/AAMI EC57 beat-by-beat comparison as WFDB's bxb makes it (the counts agree with bxb's).\n\n");
        text.Append(C, $"- Algorithm: {p.Algorithm}\n");
        text.Append(C, $"- Reference: the `{p.Annotator}` annotations\n");
        text.Append(C, $"- Lead: {(p.Lead is null ? "each record's ECG lead chosen by its description (MLII first)" : p.Lead)}\n");
        text.Append(C, $"- Match window: {p.MatchWindowSeconds * 1000:0.###} ms\n");
        text.Append(C, $"- Learning period: the first {p.LearningPeriodSeconds:0.###} s of each record are not scored; ");
        text.Append("the test period runs to the end of the record\n");
        text.Append(C, $"- Excluded: {p.Exclusions}\n");
        text.Append("- Gross statistics pool the counts of all evaluated records; ");
        text.Append("average statistics are the mean of the records' own values\n");
        if (context.MergedFrom.Count > 0)
        {
            var folders = string.Join(", ", context.MergedFrom.Select(f => $"`{f}`"));
            text.Append(C, $"- Merged from {context.MergedFrom.Count} folders: {folders}\n");
        }
        if (context.Command is { } command) text.Append(C, $"- Command: `{command}`\n");
        text.Append(C, $"- Wall time: {context.Elapsed.TotalSeconds:0.0} s");
        text.Append(context.Parallel > 0 ? string.Create(C, $", {context.Parallel} records at once\n\n") : "\n\n");

        text.Append("## QRS and VEB detection (bxb's line format, sumstats' totals)\n\n");
        text.Append("| Record | Nn' | Vn' | Fn' | On' | Nv | Vv | Fv' | Ov' | No' | Vo' | Fo' | Q Se | Q +P | V Se | V +P | V FPR |\n");
        text.Append("|---|" + string.Concat(Enumerable.Repeat("--:|", 16)) + "\n");
        foreach (var r in evaluated) LineRow(text, r.Record, r.Counts!, Ec57Statistics.Of(r.Counts!));
        LineRow(text, "**Sum**", report.Sum, null);
        StatisticsRow(text, "**Gross**", report.Gross);
        StatisticsRow(text, "**Average**", report.Average);

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
            text.Append(C, $"{r.DetectedBeats} | {Percent(r.Counts!.SvebSensitivity)} | {Percent(r.Counts.SvebPositivePredictivity)} | ");
            text.Append(C, $"{Fixed(r.Counts.RmsRrErrorMs, "F2")} |\n");
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
