namespace EcgAnomaly.Data.Internal;

/// <summary>
/// The sktime/aeon <c>.ts</c> format: <c>#</c> comments and <c>@</c> header lines, then after <c>@data</c>
/// one series per line as <c>v1,v2,...:label</c>. Only univariate series (one dimension) are beats.
/// </summary>
internal static class TsFormatReader
{
    public static LabelledBeats Read(string file)
    {
        var table = new BeatTableBuilder(file);
        foreach (var (lineNumber, text) in HeaderedDataLines.Read(file, comment: '#'))
        {
            var span = text.AsSpan();
            var colon = span.LastIndexOf(':');
            if (colon < 0) throw DataFormatException.MissingLabel(file, lineNumber);
            if (span[..colon].Contains(':'))
                throw DataFormatException.Malformed(file, lineNumber, "series has more than one dimension; beats must be univariate");
            var label = table.ParseLabel(span[(colon + 1)..], lineNumber, span[..colon].Count(',') + 2);
            table.BeginRow();
            var column = 0;
            foreach (var range in span[..colon].Split(','))
            {
                column++;
                table.AddValue(table.ParseValue(span[..colon][range], lineNumber, column), lineNumber);
            }
            table.EndRow(label, lineNumber);
        }
        return table.Build();
    }
}
