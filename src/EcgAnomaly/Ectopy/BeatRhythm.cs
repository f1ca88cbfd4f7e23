using EcgAnomaly.Evaluation;

namespace EcgAnomaly.Ectopy;

/// <summary>
/// A beat's timing against its neighbours: the RR interval before and after it and the local rhythm (the median of
/// the <see cref="LocalBeats"/> RR intervals before it). An early beat (<see cref="Prematurity"/> well below 1) followed
/// by a pause is what a supraventricular or ventricular premature beat looks like, whatever its shape.
/// </summary>
/// <param name="RrBefore">Seconds since the previous beat (NaN for the first).</param>
/// <param name="RrAfter">Seconds to the next beat (NaN for the last).</param>
/// <param name="LocalRr">Median of the RR intervals of the previous beats (NaN when there are none).</param>
public readonly record struct BeatRhythm(double RrBefore, double RrAfter, double LocalRr)
{
    /// <summary>RR intervals the local rhythm is the median of: about ten seconds at a resting rate.</summary>
    public const int LocalBeats = 10;

    /// <summary>RR before over the local rhythm: 1 on time, below 1 early (NaN when unknown).</summary>
    public double Prematurity => RrBefore / LocalRr;

    /// <summary>RR after over RR before: above 1 for the pause after an early beat (NaN when unknown).</summary>
    public double Pause => RrAfter / RrBefore;

    /// <summary>The rhythm of every beat of <paramref name="peaks"/> (R-peak samples in increasing order).</summary>
    public static BeatRhythm[] Of(IReadOnlyList<long> peaks, double samplingFrequency)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        Preconditions.CheckArgumentRange(nameof(samplingFrequency), samplingFrequency, double.Epsilon, double.MaxValue);
        var rr = new double[peaks.Count];
        for (var i = 0; i < peaks.Count; i++) rr[i] = i == 0 ? double.NaN : (peaks[i] - peaks[i - 1]) / samplingFrequency;
        var result = new BeatRhythm[peaks.Count];
        var window = new List<double>(LocalBeats);
        for (var i = 0; i < peaks.Count; i++)
        {
            window.Clear();
            for (var j = Math.Max(1, i - LocalBeats); j < i; j++) window.Add(rr[j]);
            var after = i + 1 < peaks.Count ? rr[i + 1] : double.NaN;
            result[i] = new BeatRhythm(rr[i], after, Median(window));
        }
        return result;
    }

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : Percentile.Of([.. values], 50);
}
