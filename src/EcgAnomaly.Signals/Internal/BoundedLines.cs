using System.Text;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Lines of a text input, each checked before it is kept whole: a line longer than
/// <see cref="InputLimits.MaxLineLength"/> is refused as soon as its first that many characters are read (a 1 GB line
/// used to end in "Out of memory"), and a NUL character, which text never holds but UTF-16 without a byte-order mark
/// read as UTF-8 does, is reported as such. Both name the file and the line. LF, CRLF and CR end lines.
/// </summary>
internal static class BoundedLines
{
    /// <summary>The lines of <paramref name="file"/> (UTF-8, or what its byte-order mark says).</summary>
    public static IEnumerable<string> ReadFile(string file)
    {
        using var reader = new StreamReader(file);
        foreach (var line in Read(reader, file)) yield return line;
    }

    /// <summary>The lines of <paramref name="reader"/>; <paramref name="source"/> is named in messages.</summary>
    public static IEnumerable<string> Read(TextReader reader, string source)
    {
        var buffer = new char[1 << 14];
        var line = new StringBuilder();
        var number = 1;
        var afterCr = false;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (afterCr)
                {
                    afterCr = false;
                    if (c == '\n')
                    {
                        start = i + 1;
                        continue;
                    }
                }
                if (c is not ('\n' or '\r'))
                {
                    if (c == '\0') throw NulCharacter(source, number);
                    continue;
                }
                Append(line, buffer.AsSpan(start, i - start), source, number);
                yield return line.ToString();
                line.Clear();
                number++;
                afterCr = c == '\r';
                start = i + 1;
            }
            Append(line, buffer.AsSpan(start, read - start), source, number);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    private static void Append(StringBuilder line, ReadOnlySpan<char> part, string source, int number)
    {
        if (line.Length + part.Length > InputLimits.MaxLineLength)
            throw DataFormatException.Malformed(source, number, $"line is longer than {InputLimits.MaxLineLength:N0} characters");
        line.Append(part);
    }

    /// <summary>The message for a NUL character: text never holds one, UTF-16 text read as UTF-8 does.</summary>
    public static DataFormatException NulCharacter(string source, int line) =>
        DataFormatException.Malformed(source, line,
            "contains NUL characters: not text, or UTF-16 text without a byte-order mark (save it as UTF-8)");
}
