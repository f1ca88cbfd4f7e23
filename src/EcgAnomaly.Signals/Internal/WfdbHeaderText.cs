namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// What single- and multi-segment WFDB headers share before their record lines differ: the file checks made before
/// reading, and the split into numbered content lines and '#' comments.
/// </summary>
internal static class WfdbHeaderText
{
    /// <summary>The text of <paramref name="heaPath"/>, checked first: a header is a few hundred bytes, and a FIFO or a
    /// huge file is not one.</summary>
    /// <exception cref="DataFormatException">The file is missing, not a regular file, or too large.</exception>
    public static string Read(string heaPath)
    {
        if (!File.Exists(heaPath)) throw DataFormatException.MissingFile(heaPath);
        if (FileKind.NotRegular(heaPath) is { } kind) throw DataFormatException.Malformed(heaPath, null, $"is {kind}, not a header file");
        var length = new FileInfo(heaPath).Length;
        if (length > InputLimits.MaxHeaderBytes)
            throw DataFormatException.Malformed(
                heaPath, null, $"is {length:N0} bytes; a WFDB header may have no more than {InputLimits.MaxHeaderBytes:N0}");
        return File.ReadAllText(heaPath);
    }

    /// <summary>The content lines (LF or CRLF ends, blank lines skipped) and the comments without their '#'.</summary>
    /// <exception cref="DataFormatException">A line holds a NUL or is too long, or there is no record line.</exception>
    public static (List<WfdbHeaderLine> Lines, List<string> Comments) Split(string text, string file)
    {
        var comments = new List<string>();
        var lines = new List<WfdbHeaderLine>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            if (raw.Contains('\0')) throw BoundedLines.NulCharacter(file, number);
            if (raw.Length > InputLimits.MaxLineLength)
                throw DataFormatException.Malformed(file, number, $"line is longer than {InputLimits.MaxLineLength:N0} characters");
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0) continue;
            if (line[0] == '#') comments.Add(line[1..].Trim());
            else lines.Add(new WfdbHeaderLine(file, number, line));
        }
        if (lines.Count == 0) throw DataFormatException.Malformed(file, null, "no record line (the header is empty or only comments)");
        return (lines, comments);
    }
}
