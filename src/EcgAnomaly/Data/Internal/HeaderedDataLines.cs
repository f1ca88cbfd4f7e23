using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Data.Internal;

/// <summary>
/// The shape ARFF and .ts share: comment lines, <c>@</c> header lines, then <c>@data</c> and one row per line.
/// Yields the non-empty rows after <c>@data</c> with their 1-based line numbers.
/// </summary>
internal static class HeaderedDataLines
{
    public static IEnumerable<(int Line, string Text)> Read(string file, char comment)
    {
        var inData = false;
        var lineNumber = 0;
        foreach (var raw in BoundedLines.ReadFile(file))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == comment) continue;
            if (inData)
            {
                yield return (lineNumber, line);
                continue;
            }
            if (line.StartsWith("@data", StringComparison.OrdinalIgnoreCase)) inData = true;
            else if (line[0] != '@')
                throw DataFormatException.Malformed(file, lineNumber, "expected an @ header line or @data before the rows");
        }
        if (!inData && lineNumber > 0) throw DataFormatException.Malformed(file, null, "no @data section");
    }
}
