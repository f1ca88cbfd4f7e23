using EcgAnomaly.Signals;

namespace EcgAnomaly.Fuzz;

/// <summary>The MIT annotation reader: the input is the whole <c>.atr</c> file.</summary>
internal static class WfdbAnnotationTarget
{
    public static void Run(byte[] input, FuzzScratch scratch) =>
        WfdbAnnotationReader.Read(scratch.Write("r.atr", input));

    /// <summary>Annotations using every kind of word: beats, SKIP, NUM, SUB, CHN, AUX, and the closing zero word.</summary>
    public static IEnumerable<byte[]> Seeds()
    {
        // Words are little-endian: code in the top 6 bits, data (time step or value) in the low 10.
        static byte[] Word(int code, int data) => [(byte)(data & 0xFF), (byte)(code << 2 | data >> 8)];
        yield return [.. Word(1, 18), .. Word(1, 300), .. Word(5, 290), 0, 0];
        yield return [.. Word(60, 3), .. Word(62, 1), .. Word(1, 10), .. Word(61, 2), .. Word(63, 3), (byte)'(', (byte)'N', 0, 0];
        yield return [.. Word(59, 0), 1, 0, 0x10, 0x27, .. Word(28, 0), .. Word(1, 1023)];
        yield return [.. Word(1, 5), .. Word(63, 6), .. "(AFIB\0"u8, .. Word(1, 7)];
    }
}
