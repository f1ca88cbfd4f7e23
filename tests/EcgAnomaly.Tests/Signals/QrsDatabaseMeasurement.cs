using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// QRS detection over MIT-BIH records scored as EC57 asks and WFDB's bxb counts: each record's default lead
/// streamed through <see cref="QrsDetector"/> in the chunks a recording is read in, every peak a normal beat, and
/// <see cref="Ec57Comparison"/> with its default options (150 ms window, 5-minute learning period, flutter left out)
/// up to the record's end. Kept apart from the tests so a tuning session can print the same table they assert on.
/// </summary>
internal static class QrsDatabaseMeasurement
{
    private const int ChunkSamples = 1 << 16;

    /// <summary>The inter-patient split of de Chazal et al. (2004), as raw-ecg/SOURCE.md lists it; the four paced
    /// records (102, 104, 107, 217) are in neither.</summary>
    public static readonly string[] Ds1 =
    [
        "101", "106", "108", "109", "112", "114", "115", "116", "118", "119", "122",
        "124", "201", "203", "205", "207", "208", "209", "215", "220", "223", "230",
    ];

    /// <summary>The evaluation half of the split; not to be looked at while choosing the detector's settings.</summary>
    public static readonly string[] Ds2 =
    [
        "100", "103", "105", "111", "113", "117", "121", "123", "200", "202",
        "210", "212", "213", "214", "219", "221", "222", "228", "231", "232", "233", "234",
    ];

    /// <summary>The paced records, in neither half.</summary>
    public static readonly string[] Paced = ["102", "104", "107", "217"];

    /// <summary>All 48 records in number order.</summary>
    public static string[] All => [.. Ds1.Concat(Ds2).Concat(Paced).Order(StringComparer.Ordinal)];

    /// <summary>One record's result: its counts and how long detection alone took.</summary>
    public sealed record Row(string Record, string Lead, Ec57Counts Counts, TimeSpan Detection);

    /// <summary>Detects and compares <paramref name="records"/> (under mitdb/) two at a time, since the machine has two
    /// cores shared with other work; rows come back in the order asked.</summary>
    public static IReadOnlyList<Row> Measure(IEnumerable<string> records)
    {
        var names = records.ToArray();
        var rows = new ConcurrentDictionary<string, Row>();
        Parallel.ForEach(names, new ParallelOptions { MaxDegreeOfParallelism = 2 }, name => rows[name] = MeasureOne(name));
        return [.. names.Select(n => rows[n])];
    }

    /// <summary>One record: default lead, streamed detection, EC57 comparison over the test period to the record's end.</summary>
    public static Row MeasureOne(string name)
    {
        var record = EcgRecording.Open(RawEcg.Record("mitdb/" + name) + ".hea");
        var lead = record.DefaultLead();
        var signal = record.Signals[lead];
        var clock = Stopwatch.StartNew();
        var detector = new QrsDetector(signal.SamplingFrequency);
        var peaks = new List<long>();
        foreach (var chunk in record.ReadSignalChunks(lead, ChunkSamples)) peaks.AddRange(detector.Push(chunk));
        peaks.AddRange(detector.Finish());
        clock.Stop();
        var reference = record.ReadAnnotations(lead)
            ?? throw new InvalidOperationException($"record {name} has no reference annotations");
        var test = peaks.Select(p => new WfdbAnnotation(p, 1, "N", 0, 0, 0, null)).ToList();
        var options = new Ec57Options(signal.SamplingFrequency) { EndSample = signal.SampleCount };
        return new Row(name, signal.Description, Ec57Comparison.Compare(reference, test, options), clock.Elapsed);
    }

    /// <summary>A per-record table (TP, FN, FP, Se, +P) with a gross line, for the report and the test log.</summary>
    public static string Table(string title, IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}");
        text.AppendLine("record lead       TP    FN    FP      Se      +P  detect(s)");
        foreach (var row in rows) text.AppendLine(Line(row.Record, row.Lead, row.Counts, row.Detection));
        var gross = Ec57Counts.Sum(rows.Select(r => r.Counts));
        var time = TimeSpan.FromTicks(rows.Sum(r => r.Detection.Ticks));
        text.AppendLine(Line("gross", "", gross, time));
        return text.ToString();
    }

    private static string Line(string record, string lead, Ec57Counts c, TimeSpan detection) => string.Create(
        CultureInfo.InvariantCulture,
        $"{record,-6} {lead,-6} {c.QrsTruePositives,8} {c.QrsFalseNegatives,5} {c.QrsFalsePositives,5} "
        + $"{100 * c.QrsSensitivity,7:F2} {100 * c.QrsPositivePredictivity,7:F2} {detection.TotalSeconds,10:F2}");
}
