using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>One scored beat of a recording, with the reference beat it matched when the record is annotated.</summary>
public sealed record ScoredBeat(int Index, long Sample, double Seconds, double RrBefore, double Score, bool Flagged, string? Symbol, AamiClass? Aami);
