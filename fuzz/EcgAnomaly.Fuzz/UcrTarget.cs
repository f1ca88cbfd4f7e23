using System.Text;
using EcgAnomaly.Data;

namespace EcgAnomaly.Fuzz;

/// <summary>The UCR archive readers: the input is the whole file, the extension picks the reader.</summary>
internal static class UcrTarget
{
    public static void Run(byte[] input, FuzzScratch scratch, string extension) =>
        UcrReader.Read(scratch.Write("beats" + extension, input));

    /// <summary>Two short beats in the layout of <paramref name="extension"/>, with the odd corners each format allows.</summary>
    public static IEnumerable<byte[]> Seeds(string extension)
    {
        string[] texts = extension switch
        {
            ".tsv" => ["1\t0.5\t-1.25\t3e-2\n2\t1\t2\t3\n", "1.0\t-0.1\r\n\r\n2\t7\n"],
            ".txt" => ["  1.0000000e+00  -1.1e+00  2.5e-01\n  2.0  3.0  4.0\n", "1 0.5\t2\n"],
            ".arff" => [
                "% comment\n@relation beats\n@attribute t1 numeric\n@attribute t2 numeric\n@attribute target {1,2}\n"
                    + "@data\n0.5,-1.25,1\n1,2,'2'\n",
                "@RELATION x\n@DATA\n1e3,\"1\"\n",
            ],
            _ => [
                "# comment\n@problemName beats\n@univariate true\n@classLabel true 1 2\n@data\n0.5,-1.25:1\n1,2:2\n",
                "@data\n1:1\n",
            ],
        };
        return texts.Select(Encoding.UTF8.GetBytes);
    }
}
