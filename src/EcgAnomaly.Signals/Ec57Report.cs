using System.Globalization;
using System.Text;

namespace EcgAnomaly.Signals;

/// <summary>
/// Prints <see cref="Ec57Counts"/> in the layout of WFDB's bxb standard report (its -s output, AAMI RP Table 3), or,
/// with SVEB statistics, its -S output; text and numbers as bxb's print_results writes them, lines ending in "\n".
/// </summary>
public static class Ec57Report
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The report bxb prints for <paramref name="record"/> compared by the two annotators.</summary>
    /// <param name="counts">The comparison, usually from <see cref="Ec57Comparison.Compare"/>.</param>
    /// <param name="record">Record name, as bxb's -r.</param>
    /// <param name="referenceAnnotator">Reference annotator, as bxb's first -a name (for example "atr").</param>
    /// <param name="testAnnotator">Test annotator, as bxb's second -a name.</param>
    /// <param name="withSveb">
    /// False for bxb's standard table, which counts SVEBs with N; true for its -S table with an S row and column,
    /// SVEB statistics instead of the VEB false positive rate, and the RMS RR interval error.
    /// </param>
    public static string Format(Ec57Counts counts, string record, string referenceAnnotator, string testAnnotator, bool withSveb = false)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var text = new StringBuilder();
        text.Append(C, $"Beat-by-beat comparison results for record {record}\n");
        text.Append(C, $"Reference annotator: {referenceAnnotator}\n");
        text.Append(C, $"     Test annotator: {testAnnotator}\n\n");
        if (withSveb) AppendSvebTable(text, counts);
        else AppendStandardTable(text, counts);

        Statistic(text, "           QRS sensitivity", "F2", counts.QrsTruePositives, counts.QrsTruePositives + counts.QrsFalseNegatives);
        Statistic(text, " QRS positive predictivity", "F2", counts.QrsTruePositives, counts.QrsTruePositives + counts.QrsFalsePositives);
        Statistic(text, "           VEB sensitivity", "F2", counts.VebTruePositives, counts.VebTruePositives + counts.VebFalseNegatives);
        Statistic(text, " VEB positive predictivity", "F2", counts.VebTruePositives, counts.VebTruePositives + counts.VebFalsePositives);
        if (withSveb)
        {
            Statistic(text, "          SVEB sensitivity", "F2", counts.SvebTruePositives,
                counts.SvebTruePositives + counts.SvebFalseNegatives);
            Statistic(text, "SVEB positive predictivity", "F2", counts.SvebTruePositives,
                counts.SvebTruePositives + counts.SvebFalsePositives);
            text.Append("     RMS RR interval error: ");
            text.Append(counts.RmsRrErrorMs is { } rms ? rms.ToString("F2", C).PadLeft(6) + " ms" : "     -");
        }
        else
        {
            Statistic(text, "   VEB false positive rate", "F3", counts.VebFalsePositives,
                counts.VebTrueNegatives + counts.VebFalsePositives);
        }
        text.Append('\n');

        // The standard table counts S with N, so its N row, and the beats missed, include the S row.
        var n = withSveb ? [Ec57Label.N] : new[] { Ec57Label.N, Ec57Label.S };
        Ec57Label[] all = Enum.GetValues<Ec57Label>();
        var missed = counts.Total(n, [Ec57Label.X]) + counts.Total([Ec57Label.V, Ec57Label.F, Ec57Label.Q], [Ec57Label.X]);
        Statistic(text, "\n  Beats missed in shutdown", "F2", missed, counts.QrsTruePositives + counts.QrsFalseNegatives);
        Statistic(text, "      N missed in shutdown", "F2", counts.Total(n, [Ec57Label.X]), counts.Total(n, all));
        if (withSveb)
            Statistic(text, "      S missed in shutdown", "F2", counts[Ec57Label.S, Ec57Label.X], counts.Total([Ec57Label.S], all));
        Statistic(text, "      V missed in shutdown", "F2", counts[Ec57Label.V, Ec57Label.X], counts.Total([Ec57Label.V], all));
        Statistic(text, "      F missed in shutdown", "F2", counts[Ec57Label.F, Ec57Label.X], counts.Total([Ec57Label.F], all));
        text.Append(C, $"       Total shutdown time: {counts.ShutdownSeconds,5} seconds\n");
        return text.ToString();
    }

    private static void AppendStandardTable(StringBuilder text, Ec57Counts c)
    {
        Ec57Label[] n = [Ec57Label.N, Ec57Label.S];
        text.Append("               Algorithm\n");
        text.Append("        n    v    f    q    o    x\n");
        text.Append("   _______________________________\n");
        Row(text, " N", [Sum(c, n, n), Sum(c, n, [Ec57Label.V]), Sum(c, n, [Ec57Label.F]), Sum(c, n, [Ec57Label.Q]),
            Sum(c, n, [Ec57Label.O]), Sum(c, n, [Ec57Label.X])]);
        foreach (var r in new[] { Ec57Label.V, Ec57Label.F, Ec57Label.Q })
        {
            Row(text, " " + r,
                [Sum(c, [r], n), c[r, Ec57Label.V], c[r, Ec57Label.F], c[r, Ec57Label.Q], c[r, Ec57Label.O], c[r, Ec57Label.X]]);
        }
        foreach (var r in new[] { Ec57Label.O, Ec57Label.X })
            Row(text, " " + r, [Sum(c, [r], n), c[r, Ec57Label.V], c[r, Ec57Label.F], c[r, Ec57Label.Q]]);
        text.Append('\n');
    }

    private static void AppendSvebTable(StringBuilder text, Ec57Counts c)
    {
        text.Append("               Algorithm\n");
        text.Append("        n    s    v    f    q    o    x\n");
        text.Append("   ____________________________________\n");
        var labels = Enum.GetValues<Ec57Label>();
        foreach (var r in labels)
        {
            var columns = r >= Ec57Label.O ? labels[..(int)Ec57Label.O] : labels;
            Row(text, " " + r, columns.Select(col => c[r, col]).ToArray());
        }
        text.Append('\n');
    }

    private static long Sum(Ec57Counts c, Ec57Label[] rows, Ec57Label[] columns) => c.Total(rows, columns);

    private static void Row(StringBuilder text, string label, long[] values)
    {
        text.Append(label).Append(" |");
        foreach (var v in values) text.Append(' ').Append(v.ToString(C).PadLeft(4));
        text.Append('\n');
    }

    // bxb's pstat: "label: " then the percentage, or "     - " when undefined, then " (a/b)".
    private static void Statistic(StringBuilder text, string label, string format, long a, long b)
    {
        text.Append(label).Append(": ");
        text.Append(b <= 0 ? "     - " : (100.0 * a / b).ToString(format, C).PadLeft(6) + "%");
        text.Append(C, $" ({a}/{b})\n");
    }
}
