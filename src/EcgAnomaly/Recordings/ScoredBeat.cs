using EcgAnomaly.Reporting;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>One scored beat of a recording, with the reference beat it matched when the record is annotated.</summary>
public sealed record ScoredBeat(
    int Index, long Sample, double Seconds, double RrBefore, double Score, bool Flagged, string? Symbol, AamiClass? Aami)
{
    /// <summary>Seconds to the next beat (NaN for the last).</summary>
    public double RrAfter { get; init; } = double.NaN;

    /// <summary>Median of the previous ten scored RR intervals (NaN when none).</summary>
    public double LocalRr { get; init; } = double.NaN;

    /// <summary>The slow end of the recent rhythm (90th percentile of the previous 30 RR intervals; NaN when unknown).</summary>
    public double SlowRr { get; init; } = double.NaN;

    /// <summary>Median successive RR difference among the previous ten intervals over their median (NaN when unknown).</summary>
    public double Irregularity { get; init; } = double.NaN;

    /// <summary>Correlation of its QRS with the dominant shape of the model's first minutes of this record (NaN when the
    /// model was not trained on this record or the QRS window runs past an end).</summary>
    public double QrsCorrelation { get; init; } = double.NaN;

    /// <summary>The class a population classifier (<c>record --ectopy</c>) gave it; null without one.</summary>
    public AamiClass? Verdict { get; init; }

    /// <summary>The classifier's V probability: morphology and rhythm in one calibrated score (NaN without one).</summary>
    public double VebProbability { get; init; } = double.NaN;

    /// <summary>The classifier's S probability (NaN without one).</summary>
    public double SvebProbability { get; init; } = double.NaN;

    /// <summary>The beat as the plots draw it.</summary>
    public BeatMark ToMark() => new(Sample, Seconds, Score, Flagged, Symbol, Aami is not null and not AamiClass.N);
}
