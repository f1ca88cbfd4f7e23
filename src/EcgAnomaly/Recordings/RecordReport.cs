using System.Globalization;
using System.Text;

namespace EcgAnomaly.Recordings;

/// <summary>beats.csv and summary.md of a scored recording.</summary>
public static class RecordReport
{
    /// <summary>
    /// beats.csv: one row per beat (number, time in s, sample, RR interval before it in s, score, abnormal 0/1), with
    /// the reference symbol and AAMI class when <paramref name="annotated"/>.
    /// </summary>
    public static string BeatsCsv(IReadOnlyList<ScoredBeat> beats, bool annotated)
    {
        ArgumentNullException.ThrowIfNull(beats);
        const string rhythm = "rr_before_s,rr_after_s,prematurity,pause,slow_prematurity,irregularity,qrs_correlation";
        var verdicts = beats.Any(b => b.Verdict is not null);
        var csv = new StringBuilder(annotated
            ? $"beat,time_s,sample,{rhythm},reference,aami,score,abnormal"
            : $"beat,time_s,sample,{rhythm},score,abnormal");
        csv.Append(verdicts ? ",p_v,p_s,class\n" : "\n");
        foreach (var b in beats)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{b.Index},{b.Seconds:0.###},{b.Sample},{Number(b.RrBefore)},{Number(b.RrAfter)},");
            csv.Append(CultureInfo.InvariantCulture,
                $"{Number(b.RrBefore / b.LocalRr)},{Number(b.RrAfter / b.RrBefore)},{Number(b.RrBefore / b.SlowRr)},{Number(b.Irregularity)},");
            csv.Append(CultureInfo.InvariantCulture, $"{Number(b.QrsCorrelation)},");
            if (annotated) csv.Append(CultureInfo.InvariantCulture, $"{Csv(b.Symbol)},{b.Aami?.ToString() ?? ""},");
            csv.Append(CultureInfo.InvariantCulture, $"{b.Score:R},{(b.Flagged ? 1 : 0)}");
            // Probabilities in full: the class follows from comparing them with the classifier's thresholds.
            csv.Append(verdicts ? $",{Exact(b.VebProbability)},{Exact(b.SvebProbability)},{b.Verdict}\n" : "\n");
        }
        return csv.ToString();
    }

    // An unknown value (the first or last beat's interval, a beat without a QRS window) is an empty cell.
    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "";

    private static string Exact(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    // A symbol such as '"' must not break the CSV.
    private static string Csv(string? value) =>
        value is null ? ""
        : value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;

    /// <summary>summary.md: the recording, model, threshold, counts, detection figures and per-class AUCs at a glance.</summary>
    /// <param name="s">The summary to write out.</param>
    /// <param name="request">The request that produced it (for the run folder's path).</param>
    public static string SummaryMarkdown(RecordSummary s, RecordScoringRequest request)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(request);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Record {s.Record}, lead {s.Lead}\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"- recording: {RecordStrips.Clock(s.DurationSeconds)} at {s.SamplingFrequency:0.###} Hz; ");
        md.Append(CultureInfo.InvariantCulture, $"scored from {RecordStrips.Clock(s.FromSeconds)} to the end\n");
        md.Append(CultureInfo.InvariantCulture, $"- model: {s.Model} (`{request.RunFolder}`)\n");
        md.Append(CultureInfo.InvariantCulture, $"- beat window: {s.BeatWindow}; threshold {s.Threshold:0.###} ({s.ThresholdPolicy})\n");
        md.Append(CultureInfo.InvariantCulture, $"- beats: **{s.Beats:N0}**, flagged abnormal: **{s.Flagged:N0}** ");
        md.Append(CultureInfo.InvariantCulture, $"({100.0 * s.Flagged / Math.Max(1, s.Beats):0.0} %)\n");
        md.Append(CultureInfo.InvariantCulture, $"- heart rate (median RR): {s.HeartRateBpm:0} beats/min\n");
        if (s.VerdictCounts is { } verdicts)
        {
            var counts = string.Join(", ", verdicts.Select(kv => $"{kv.Key} {kv.Value:N0}"));
            md.Append(CultureInfo.InvariantCulture, $"- classes given by the population classifier `{s.Ectopy}`: {counts}");
            md.Append(CultureInfo.InvariantCulture, $" (learned from the labelled beats of {s.EctopyRecords} records, ");
            md.Append(s.EctopySawRecord == true ? "this one among them: its classes are no fair test)\n" : "not this one)\n");
        }
        if (s.ShapeNotice is { } notice) md.Append(CultureInfo.InvariantCulture, $"- **cannot be sure:** {notice}\n");
        if (s.NormalChangeNotice is { } change) md.Append(CultureInfo.InvariantCulture, $"- **normal beat changed:** {change}\n");
        if (s.Sensitivity is double se && s.PositivePredictivity is double pp)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"- scored beats against the {s.ReferenceBeats:N0} reference beats of the scored stretch (150 ms window): ");
            md.Append(CultureInfo.InvariantCulture, $"sensitivity {100 * se:0.00} %, positive predictivity {100 * pp:0.00} % ");
            md.Append("(beats whose window runs past the record's end are not cut; `detect-beats` gives the detector's own figures)\n");
        }
        else
        {
            md.Append("- no reference annotations (.atr): no detection figures or AUCs\n");
        }
        if (s.ClassCounts.Count > 0)
        {
            var counts = s.ClassCounts.Select(kv => $"{kv.Key} {kv.Value:N0}");
            md.Append("- beats by reference AAMI class: " + string.Join(", ", counts) + "\n");
        }
        if (s.AucAgainstNormal.Count > 0)
        {
            md.Append("\n## How well the score separates abnormal beats from AAMI N\n\n");
            md.Append("| class | beats | N beats | ROC AUC | flagged |\n|---|---|---|---|---|\n");
            foreach (var a in s.AucAgainstNormal)
            {
                var name = a.Class == "all" ? "all non-N" : a.Class;
                md.Append(CultureInfo.InvariantCulture,
                    $"| {name} | {a.Beats:N0} | {a.NormalBeats:N0} | {a.RocAuc:0.0000} | {100 * a.FlaggedRate:0.0} % |\n");
            }
            md.Append("\nAAMI classes (EC57): N normal and bundle-branch beats, S supraventricular ectopic, V ventricular ectopic, ");
            md.Append("F fusion, Q paced or unclassifiable.\n");
        }
        md.Append(CultureInfo.InvariantCulture, $"\nFiles: `{RecordScoring.BeatsFile}` (one row per beat), ");
        md.Append(CultureInfo.InvariantCulture, $"`{RecordScoring.ScorePlotFile}`, ");
        md.Append(CultureInfo.InvariantCulture, $"`{RecordScoring.StripsPlotFile}` (the most abnormal 10-second stretches), ");
        md.Append(CultureInfo.InvariantCulture, $"`{RecordScoring.SummaryJsonFile}`. Took {s.SecondsElapsed:0.0} s.\n");
        return md.ToString();
    }
}
