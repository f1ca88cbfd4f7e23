using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>The reference beat annotations of a record, and which of them each detected beat stands for.</summary>
public sealed class ReferenceBeats
{
    /// <summary>EC57's matching window.</summary>
    public const double MatchWindowSeconds = 0.150;

    private ReferenceBeats(IReadOnlyList<WfdbAnnotation> beats, double fs)
    {
        Beats = beats;
        SamplingFrequency = fs;
    }

    /// <summary>The beat annotations (WFDB's isqrs codes), in time order.</summary>
    public IReadOnlyList<WfdbAnnotation> Beats { get; }

    /// <summary>The record's samples per second, in Hz.</summary>
    public double SamplingFrequency { get; }

    /// <summary>The matching window in samples (<see cref="MatchWindowSeconds"/> at the record's frequency).</summary>
    public long Window => (long)Math.Round(MatchWindowSeconds * SamplingFrequency);

    /// <summary>The beat annotations of the record's annotator file (default "atr"), or null when it has none.</summary>
    public static ReferenceBeats? Load(WfdbRecord record, string annotator = "atr")
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = record.AnnotationPath(annotator);
        if (path is null) return null;
        var beats = WfdbAnnotationReader.Read(path, record.SamplingFrequency).Where(a => a.IsBeat).ToArray();
        return new ReferenceBeats(beats, record.SamplingFrequency);
    }

    /// <summary>Only the reference beats in [from, to).</summary>
    public ReferenceBeats Between(long from, long to) =>
        new(Beats.Where(b => b.Sample >= from && b.Sample < to).ToArray(), SamplingFrequency);

    /// <summary>EC57 beat-by-beat comparison of detected R peaks (sample indices, in order) with these reference beats.</summary>
    public BeatMatchResult Compare(IReadOnlyList<long> detected) =>
        BeatMatching.Compare(Beats.Select(b => b.Sample).ToArray(), detected, Window);

    /// <summary>The comparison, and for each detected R peak the reference beat it matches (EC57 rule), or null for
    /// a false detection.</summary>
    public (BeatMatchResult Result, WfdbAnnotation?[] Matched) Match(IReadOnlyList<long> detected)
    {
        var result = Compare(detected);
        var matched = new WfdbAnnotation?[detected.Count];
        for (var r = 0; r < result.ReferenceMatch.Length; r++)
            if (result.ReferenceMatch[r] >= 0) matched[result.ReferenceMatch[r]] = Beats[r];
        return (result, matched);
    }
}
