using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Data.Internal;

/// <summary>
/// UCR 2018 <c>.tsv</c> (tab separated) and the older <c>.txt</c> (runs of spaces): one beat per line,
/// the class label first, then the samples.
/// </summary>
internal static class DelimitedFormatReader
{
    public static LabelledBeats Read(string file, bool tabSeparated)
    {
        var table = new BeatTableBuilder(file);
        var lineNumber = 0;
        foreach (var line in BoundedLines.ReadFile(file))
        {
            lineNumber++;
            var span = line.AsSpan();
            if (span.IsWhiteSpace()) continue;
            table.BeginRow();
            var column = 0;
            int? label = null;
            foreach (var range in span.SplitAny(tabSeparated ? "\t" : " \t"))
            {
                var field = span[range];
                if (!tabSeparated && field.IsEmpty) continue;
                column++;
                if (column == 1) label = table.ParseLabel(field, lineNumber, column);
                else table.AddValue(table.ParseValue(field, lineNumber, column), lineNumber);
            }
            table.EndRow(label ?? throw DataFormatException.MissingLabel(file, lineNumber), lineNumber);
        }
        return table.Build();
    }
}
