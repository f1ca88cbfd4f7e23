namespace EcgAnomaly.Signals.Internal;

/// <summary>The storage formats read here, and how many bytes a run of samples takes in each.</summary>
internal static class WfdbFormats
{
    public static IReadOnlyList<int> Supported { get; } = [212, 16, 80];

    public static bool IsSupported(int format) => format is 212 or 16 or 80;

    public static int DefaultResolution(int format) => format switch
    {
        212 => 12,
        16 => 16,
        _ => 8,
    };

    /// <summary>Bytes holding <paramref name="samples"/> consecutive samples; in 212 an odd last sample takes 2 bytes.</summary>
    public static long BytesFor(int format, long samples) => format switch
    {
        212 => samples / 2 * 3 + samples % 2 * 2,
        16 => samples * 2,
        _ => samples,
    };

    /// <summary>Whole samples held in <paramref name="bytes"/> bytes.</summary>
    public static long SamplesIn(int format, long bytes) => format switch
    {
        212 => bytes / 3 * 2 + (bytes % 3 == 2 ? 1 : 0),
        16 => bytes / 2,
        _ => bytes,
    };
}
