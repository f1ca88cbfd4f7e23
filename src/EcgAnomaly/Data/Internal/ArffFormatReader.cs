namespace EcgAnomaly.Data.Internal;

/// <summary>
/// Weka ARFF as the UCR archive writes it: a header of <c>@attribute</c> lines, then <c>@data</c> and
/// comma-separated rows whose last field is the class.
/// </summary>
internal static class ArffFormatReader
{
    public static LabelledBeats Read(string file)
    {
        var table = new BeatTableBuilder(file);
        foreach (var (line, text) in HeaderedDataLines.Read(file, comment: '%'))
            ReadRow(table, text, line);
        return table.Build();
    }

    private static void ReadRow(BeatTableBuilder table, ReadOnlySpan<char> span, int lineNumber)
    {
        var lastComma = span.LastIndexOf(',');
        if (lastComma < 0) throw DataFormatException.MissingLabel(table.File, lineNumber);
        var fieldCount = span.Count(',') + 1;
        var label = table.ParseLabel(span[(lastComma + 1)..], lineNumber, fieldCount);
        table.BeginRow();
        var column = 0;
        foreach (var range in span[..lastComma].Split(','))
        {
            column++;
            table.AddValue(table.ParseValue(span[range], lineNumber, column), lineNumber);
        }
        table.EndRow(label, lineNumber);
    }
}
