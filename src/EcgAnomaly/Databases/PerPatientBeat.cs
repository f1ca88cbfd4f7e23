namespace EcgAnomaly.Databases;

/// <summary>One scored beat of a per-patient run, as records/&lt;name&gt;.json keeps it for a viewer or a later combiner.</summary>
/// <param name="Sample">The R peak's sample number.</param>
/// <param name="Reference">The AAMI class of the matched reference beat (N, S, V, F, Q), or null when none matched.</param>
/// <param name="Score">The detector's score (reconstruction error).</param>
/// <param name="RrBefore">Seconds since the previous detected beat.</param>
/// <param name="RrAfter">Seconds to the next detected beat.</param>
/// <param name="LocalRr">Median of the previous ten RR intervals, in seconds.</param>
/// <param name="Flagged">Whether the beat was flagged.</param>
/// <param name="QrsCorrelation">Correlation of its QRS with the dominant shape of the first minutes (NaN when its QRS window
/// runs past the record's ends).</param>
public sealed record PerPatientBeat(
    long Sample, string? Reference, double Score, double RrBefore, double RrAfter, double LocalRr, bool Flagged, double QrsCorrelation)
{
    /// <summary>The class a population classifier gave it (N, S or V); null without one.</summary>
    public string? Verdict { get; init; }

    /// <summary>The share of the scored beats in its QRS shape group (<see cref="Ectopy.ShapeGroupRhythm"/>); NaN if unknown.</summary>
    public double GroupShare { get; init; } = double.NaN;

    /// <summary>The median prematurity of its shape group; NaN if unknown.</summary>
    public double GroupPrematurity { get; init; } = double.NaN;

    /// <summary>The median pause after the beats of its shape group; NaN if unknown.</summary>
    public double GroupPause { get; init; } = double.NaN;

    /// <summary>The slow end of the recent rhythm (<see cref="Ectopy.BeatRhythm.SlowRr"/>), in seconds; NaN if unknown.</summary>
    public double SlowRr { get; init; } = double.NaN;

    /// <summary>The irregularity of the recent rhythm (<see cref="Ectopy.BeatRhythm.Irregularity"/>); NaN if unknown.</summary>
    public double Irregularity { get; init; } = double.NaN;

    /// <summary>Its rhythm as the classifier reads it.</summary>
    public Ectopy.BeatRhythm ToRhythm() => new(RrBefore, RrAfter, LocalRr) { SlowRr = SlowRr, Irregularity = Irregularity };
}
