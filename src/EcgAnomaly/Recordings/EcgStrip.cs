namespace EcgAnomaly.Recordings;

/// <summary>A stretch of one lead (in mV) and the scored beats inside it, for the strips plot.</summary>
public sealed record EcgStrip(string Title, long StartSample, float[] Samples, IReadOnlyList<ScoredBeat> Beats);
