namespace EcgAnomaly.Signals;

/// <summary>One beat cut from a recording: where its R peak is, the RR interval before it (NaN for the first beat),
/// and its samples resampled to the model's beat length, in the signal's units (not normalised).</summary>
public sealed record ExtractedBeat(int Index, long Sample, double Seconds, double RrBefore, float[] Values);
