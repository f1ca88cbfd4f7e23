using System.Globalization;
using EcgAnomaly.Reporting;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>The most abnormal stretches of a recording: 10 s around each of the highest-scoring beats, at least
/// 10 s apart, read back from the record in one streaming pass.</summary>
public static class RecordStrips
{
    /// <summary>Length of one strip, in seconds.</summary>
    public const double StripSeconds = 10;

    /// <summary>
    /// Up to <paramref name="count"/> strips of <paramref name="lead"/>, in time order, centred on the highest-scoring
    /// beats (a strip near the start begins at sample 0; one near the end is cut short there).
    /// </summary>
    public static IReadOnlyList<EcgStrip> Select(IReadOnlyList<ScoredBeat> beats, EcgRecording record, int lead, int count)
    {
        ArgumentNullException.ThrowIfNull(beats);
        ArgumentNullException.ThrowIfNull(record);
        var fs = record.Signals[lead].SamplingFrequency;
        var half = (long)(StripSeconds / 2 * fs);
        var centres = new List<ScoredBeat>();
        foreach (var beat in beats.OrderByDescending(b => b.Score))
        {
            if (centres.Count >= count) break;
            if (centres.All(c => Math.Abs(c.Sample - beat.Sample) >= 2 * half)) centres.Add(beat);
        }
        centres.Sort((a, b) => a.Sample.CompareTo(b.Sample));
        var ranges = centres.Select(c =>
        {
            var start = Math.Max(0, c.Sample - half);
            var end = Math.Min(record.Signals[lead].SampleCount, start + 2 * half);
            return (Centre: c, Start: start, Samples: new float[Math.Max(0, end - start)]);
        }).ToArray();
        if (ranges.Length == 0) return [];

        var position = 0L;
        var last = ranges.Max(r => r.Start + r.Samples.Length);
        foreach (var signal in record.ReadSignalChunks(lead, 1 << 16))
        {
            foreach (var (_, start, samples) in ranges)
            {
                var from = Math.Max(start, position);
                var to = Math.Min(start + samples.Length, position + signal.Length);
                for (var i = from; i < to; i++) samples[i - start] = signal[i - position];
            }
            position += signal.Length;
            if (position >= last) break;
        }
        return ranges.Select(r =>
        {
            var end = r.Start + r.Samples.Length;
            var reference = r.Centre.Symbol is { } s ? $" (reference '{s}')" : "";
            var title = string.Create(CultureInfo.InvariantCulture,
                $"{Clock(r.Start / fs)} - {Clock(end / fs)}: highest score {r.Centre.Score:0.#} at {Clock(r.Centre.Seconds)}{reference}");
            var marks = beats.Where(b => b.Sample >= r.Start && b.Sample < end).Select(b => b.ToMark()).ToArray();
            return new EcgStrip(title, r.Start, r.Samples, marks);
        }).ToArray();
    }

    internal static string Clock(double seconds)
    {
        var t = TimeSpan.FromSeconds(seconds);
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}.{t.Milliseconds / 100}");
    }
}
