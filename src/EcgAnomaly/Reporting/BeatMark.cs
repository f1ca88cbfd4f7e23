namespace EcgAnomaly.Reporting;

/// <summary>One beat as the recording plots draw it.</summary>
/// <param name="Sample">Where its R peak is, in samples from the start of the record.</param>
/// <param name="Seconds">The same, in seconds.</param>
/// <param name="Score">Its anomaly score.</param>
/// <param name="Flagged">Whether it scored above the threshold.</param>
/// <param name="Symbol">The reference annotation's symbol, when the record has one for this beat.</param>
/// <param name="ReferenceAbnormal">Whether the reference calls it something other than normal (AAMI N).</param>
public sealed record BeatMark(long Sample, double Seconds, double Score, bool Flagged, string? Symbol, bool ReferenceAbnormal);
