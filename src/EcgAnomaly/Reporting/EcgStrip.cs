namespace EcgAnomaly.Reporting;

/// <summary>A stretch of one lead (in mV) and the beats marked inside it, for the strips plot.</summary>
public sealed record EcgStrip(string Title, long StartSample, float[] Samples, IReadOnlyList<BeatMark> Beats);
