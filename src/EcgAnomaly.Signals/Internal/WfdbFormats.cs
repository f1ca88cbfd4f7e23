namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// One WFDB storage format: a group of <see cref="GroupBytes"/> bytes holds <see cref="GroupSamples"/> samples; a file
/// may end inside a group, and <see cref="PartialBytes"/>[k] is then the bytes that k leftover samples take.
/// </summary>
internal sealed record WfdbFormat(int Code, int DefaultResolution, int GroupBytes, int GroupSamples, int[] PartialBytes,
    string Layout);

/// <summary>The storage formats read here (WFDB's definitions, signal.c), and how many bytes a run of samples takes.</summary>
internal static class WfdbFormats
{
    private static readonly WfdbFormat[] Table =
    [
        new(8, 8, 1, 1, [0], "first differences, 8-bit two's complement, from the initial value"),
        new(16, 16, 2, 1, [0], "16-bit two's complement, little-endian"),
        new(24, 24, 3, 1, [0], "24-bit two's complement, little-endian"),
        new(32, 32, 4, 1, [0], "32-bit two's complement, little-endian"),
        new(61, 16, 2, 1, [0], "16-bit two's complement, big-endian"),
        new(80, 8, 1, 1, [0], "8-bit offset binary (128 is zero)"),
        new(160, 16, 2, 1, [0], "16-bit offset binary (32768 is zero), little-endian"),
        new(212, 12, 3, 2, [0, 2], "two 12-bit samples in 3 bytes; an odd last sample takes 2"),
        new(310, 10, 4, 3, [0, 2, 4], "three 10-bit samples in two little-endian 16-bit words (bits 1-10, third in bits 11-15)"),
        new(311, 10, 4, 3, [0, 2, 3], "three 10-bit samples in a little-endian 32-bit word (bits 0-9, 10-19, 20-29)"),
    ];

    public static IReadOnlyList<int> Supported { get; } = Array.ConvertAll(Table, f => f.Code);

    public static bool IsSupported(int format) => Table.Any(f => f.Code == format);

    public static WfdbFormat Get(int format) =>
        Table.FirstOrDefault(f => f.Code == format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "not supported");

    public static int DefaultResolution(int format) => Get(format).DefaultResolution;

    /// <summary>
    /// The stored value that marks a sample as invalid (WFDB's getvec reads it as WFDB_INVALID_SAMPLE): the lowest value
    /// of the format; format 8, whose samples are differences, has none.
    /// </summary>
    public static int? InvalidSample(int format) => format switch
    {
        8 => null,
        80 => -(1 << 7),
        212 => -(1 << 11),
        310 or 311 => -(1 << 9),
        24 => -(1 << 23),
        32 => int.MinValue,
        _ => -(1 << 15),
    };

    /// <summary>Bytes holding <paramref name="samples"/> consecutive samples, a partial last group included.</summary>
    public static long BytesFor(int format, long samples)
    {
        var f = Get(format);
        return samples / f.GroupSamples * f.GroupBytes + f.PartialBytes[samples % f.GroupSamples];
    }

    /// <summary>Whole samples held in <paramref name="bytes"/> bytes, a partial last group included.</summary>
    public static long SamplesIn(int format, long bytes)
    {
        var f = Get(format);
        return bytes / f.GroupBytes * f.GroupSamples + SamplesInPartial(f, (int)(bytes % f.GroupBytes));
    }

    /// <summary>Samples that a last group cut to <paramref name="bytes"/> bytes still holds whole.</summary>
    public static int SamplesInPartial(WfdbFormat format, int bytes)
    {
        var samples = 0;
        while (samples + 1 < format.PartialBytes.Length && format.PartialBytes[samples + 1] <= bytes) samples++;
        return samples;
    }
}
