namespace EcgAnomaly.Data;

/// <summary>A run of consecutive beats from a stream: row-major values, optional labels, and the 0-based index of the first beat.</summary>
public sealed record BeatBatch(float[] Values, int[]? Labels, int Count, int Length, long FirstIndex);
