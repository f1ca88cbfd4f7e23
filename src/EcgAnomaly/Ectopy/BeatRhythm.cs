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

    /// <summary>RR intervals the slow end of the recent rhythm (<see cref="SlowRr"/>) is taken over.</summary>
    public const int SlowBeats = 30;

    /// <summary>
    /// The 90th percentile of the previous <see cref="SlowBeats"/> RR intervals (NaN with fewer than five). When
    /// ectopic beats are the patient's most frequent (an atrial rhythm interrupted by sinus beats after pauses, MIT-BIH
    /// 232) the median is their own interval and only the slow end of the rhythm shows that they come early.
    /// </summary>
    public double SlowRr { get; init; } = double.NaN;

    /// <summary>
    /// Median absolute difference of successive RR intervals among the previous <see cref="LocalBeats"/>, over the local
    /// rhythm (NaN when unknown): near 0 in a regular rhythm, large in atrial fibrillation, where an early beat is no sign
    /// of ectopy.
    /// </summary>
    public double Irregularity { get; init; } = double.NaN;

    /// <summary>RR before over the local rhythm: 1 on time, below 1 early (NaN when unknown).</summary>
    public double Prematurity => RrBefore / LocalRr;

    /// <summary>RR after over RR before: above 1 for the pause after an early beat (NaN when unknown).</summary>
    public double Pause => RrAfter / RrBefore;

    /// <summary>RR before over the slow end of the recent rhythm (NaN when unknown).</summary>
    public double SlowPrematurity => RrBefore / SlowRr;

    /// <summary>The rhythm of every beat of <paramref name="peaks"/> (R-peak samples in increasing order).</summary>
    public static BeatRhythm[] Of(IReadOnlyList<long> peaks, double samplingFrequency)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        Preconditions.CheckArgumentRange(nameof(samplingFrequency), samplingFrequency, double.Epsilon, double.MaxValue);
        var rr = new double[peaks.Count];
        for (var i = 0; i < peaks.Count; i++) rr[i] = i == 0 ? double.NaN : (peaks[i] - peaks[i - 1]) / samplingFrequency;
        var result = new BeatRhythm[peaks.Count];
        var window = new List<double>(SlowBeats);
        var steps = new List<double>(LocalBeats);
        for (var i = 0; i < peaks.Count; i++)
        {
            window.Clear();
            for (var j = Math.Max(1, i - SlowBeats); j < i; j++) window.Add(rr[j]);
            var local = window.Skip(Math.Max(0, window.Count - LocalBeats)).ToArray();
            steps.Clear();
            for (var j = 1; j < local.Length; j++) steps.Add(Math.Abs(local[j] - local[j - 1]));
            var localRr = Median(local);
            var after = i + 1 < peaks.Count ? rr[i + 1] : double.NaN;
            result[i] = new BeatRhythm(rr[i], after, localRr)
            {
                SlowRr = window.Count >= 5 ? Percentile.Of([.. window], 90) : double.NaN,
                Irregularity = steps.Count >= 2 ? Median([.. steps]) / localRr : double.NaN,
            };
        }
        return result;
    }

    private static double Median(double[] values) => values.Length == 0 ? double.NaN : Percentile.Of(values, 50);
}
