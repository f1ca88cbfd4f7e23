using System.Globalization;
using System.Text;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Fuzz;

/// <summary>
/// The signal decoders. A fuzzed header would almost never name a file that exists, so the first
/// <see cref="ControlBytes"/> bytes choose a well-formed header (format, signals, files, offset, length, initial
/// value and checksum) and the rest are the signal file's bytes: the fuzzer spends its time in the decoders.
/// </summary>
internal static class WfdbSignalTarget
{
    public const int ControlBytes = 6;

    // Chunks of an odd length, so that chunk ends fall inside groups of two and three samples.
    private const int ChunkSamples = 97;

    private static readonly int[] Formats = [8, 16, 24, 32, 61, 80, 160, 212, 310, 311];

    public static void Run(byte[] input, FuzzScratch scratch)
    {
        if (input.Length < ControlBytes) return;
        var data = input.AsSpan(ControlBytes);
        scratch.Write("r.dat", data);
        scratch.Write("r_1.dat", data);
        scratch.Write("r.hea", Encoding.ASCII.GetBytes(Header(input)));
        var record = WfdbRecord.Open(Path.Combine(scratch.Folder, "r"));
        ReadAll(record, record.Header.SignalCount);
        record.VerifyChecksums();
    }

    /// <summary>Every format in each layout the control bytes give, over bytes that hit the sign bits and odd group ends.</summary>
    public static IEnumerable<byte[]> Seeds()
    {
        byte[] data = [0x00, 0xFF, 0x80, 0x7F, 0x01, 0xFE, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0, 0x0F, 0x88, 0x77];
        for (var format = 0; format < Formats.Length; format++)
        {
            yield return [(byte)format, 0, 0, 0, 0, 0, .. data];
            yield return [(byte)format, 1 | 4 | 32, 3, 0xF0, 5, 0, .. data];
            yield return [(byte)format, 3 | 8 | 16, (byte)(format + 3), 0, 0, 0, .. data, .. data];
        }
    }

    /// <summary>Decodes every sample of the record in each way a caller can ask for them.</summary>
    internal static void ReadAll(WfdbRecord record, int signals)
    {
        foreach (var chunk in record.ReadChunks(ChunkSamples)) _ = chunk.Length;
        for (var s = 0; s < signals; s++) _ = record.ReadSignal(s);
        _ = record.ComputeChecksums();
    }

    /// <summary>
    /// Byte 0: format; byte 1: bits 0-1 signals (1-4), bit 2 the header gives the length, bit 3 the second half of
    /// the signals is in r_1.dat (in the format byte 2 picks), bit 4 a byte offset (byte 2 mod 8), bit 5 initial
    /// values and checksums; byte 3: initial value; bytes 4-5: length (little-endian) or checksum.
    /// </summary>
    private static string Header(byte[] control)
    {
        var format = Formats[control[0] % Formats.Length];
        var flags = control[1];
        var signals = 1 + (flags & 3);
        var secondFormat = Formats[control[2] % Formats.Length];
        var offset = (flags & 16) != 0 ? control[2] % 8 : 0;
        var number = control[4] | control[5] << 8;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"r {signals} 250");
        if ((flags & 4) != 0) text.Append(CultureInfo.InvariantCulture, $" {number}");
        text.Append('\n');
        for (var s = 0; s < signals; s++)
        {
            var second = (flags & 8) != 0 && s >= (signals + 1) / 2;
            var file = second ? "r_1.dat" : "r.dat";
            text.Append(CultureInfo.InvariantCulture, $"{file} {(second ? secondFormat : format)}");
            if (offset > 0) text.Append(CultureInfo.InvariantCulture, $"+{offset}");
            text.Append(" 200 0 0");
            if ((flags & 32) != 0) text.Append(CultureInfo.InvariantCulture, $" {(sbyte)control[3]} {(short)number} 0 s{s}");
            text.Append('\n');
        }
        return text.ToString();
    }
}
