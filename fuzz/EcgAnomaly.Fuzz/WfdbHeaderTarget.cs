using System.Text;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Fuzz;

/// <summary>
/// The header parser: the input is the whole <c>.hea</c> file. A header that parses is then opened as a record
/// beside a small fixed <c>r.dat</c>, so the checks that join header and signal file (names, offsets, lengths,
/// formats shared by a file) are fuzzed too.
/// </summary>
internal static class WfdbHeaderTarget
{
    // 240 bytes: a whole number of groups in every format (1, 2, 3 and 4 bytes), and small enough to read in a blink.
    private static readonly byte[] Data = Enumerable.Range(0, 240).Select(i => (byte)(i * 37)).ToArray();

    public static void Run(byte[] input, FuzzScratch scratch)
    {
        var header = WfdbHeader.Read(scratch.Write("r.hea", input));
        scratch.Write("r.dat", Data);
        var record = WfdbRecord.Open(Path.Combine(scratch.Folder, "r"));
        WfdbSignalTarget.ReadAll(record, header.SignalCount);
    }

    /// <summary>Headers with every optional field, comments, CRLF, offsets, and signals sharing the data file.</summary>
    public static IEnumerable<byte[]> Seeds()
    {
        string[] texts =
        [
            "r 2 360 40\nr.dat 212 200 11 1024 995 -22131 0 MLII\nr.dat 212 200 11 1024 1011 20052 0 V5\n# 69 M\n",
            "# a comment first\r\nr 1\r\nr.dat 16\r\n",
            "r 3 500/250 0 12:00:00 01/01/2000\nr.dat 8+4 100(5)/uV 8 0 0 0 0\nr.dat 8 1/mV\nr.dat 8x1:0 -50.5\n",
            "r 1 128 60\nr.dat 311 1000(-3)/mV 10 0 3 -7 0 ECG lead I\n",
            "r 0\n",
        ];
        return texts.Select(Encoding.ASCII.GetBytes);
    }
}
