using EcgAnomaly.Reporting;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>One scored beat of a recording, with the reference beat it matched when the record is annotated.</summary>
public sealed record ScoredBeat(
    int Index, long Sample, double Seconds, double RrBefore, double Score, bool Flagged, string? Symbol, AamiClass? Aami)
{
    /// <summary>The beat as the plots draw it.</summary>
    public BeatMark ToMark() => new(Sample, Seconds, Score, Flagged, Symbol, Aami is not null and not AamiClass.N);
}
