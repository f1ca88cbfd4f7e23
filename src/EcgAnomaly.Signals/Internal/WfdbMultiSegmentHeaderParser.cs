namespace EcgAnomaly.Signals.Internal;

/// <summary>Parses multi-segment headers, and tells them from single-segment ones by the '/' of the record line.</summary>
internal static class WfdbMultiSegmentHeaderParser
{
    /// <summary>Whether <paramref name="heaPath"/>'s record line names segments; false when the file cannot be a header
    /// (the single-segment reader then reports why).</summary>
    public static bool IsMultiSegment(string heaPath)
    {
        if (!File.Exists(heaPath) || FileKind.NotRegular(heaPath) is not null || new FileInfo(heaPath).Length > InputLimits.MaxHeaderBytes)
            return false;
        foreach (var raw in File.ReadLines(heaPath))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var end = line.IndexOfAny([' ', '\t']);
            return IsSegmentedName(end < 0 ? line : line[..end]);
        }
        return false;
    }

    /// <summary>
    /// Whether a record line's first field is <c>name/segments</c>; a name with a folder in it ("udb/100z", as xform
    /// writes) is not.
    /// </summary>
    public static bool IsSegmentedName(string field)
    {
        var slash = field.LastIndexOf('/');
        return slash > 0 && slash < field.Length - 1 && field[(slash + 1)..].All(char.IsAsciiDigit);
    }

    /// <exception cref="DataFormatException">The file is missing or malformed.</exception>
    public static WfdbMultiSegmentHeader Read(string heaPath)
    {
        return Parse(WfdbHeaderText.Read(heaPath), heaPath);
    }

    public static WfdbMultiSegmentHeader Parse(string text, string file)
    {
        var (lines, comments) = WfdbHeaderText.Split(text, file);

        var record = lines[0];
        if (!IsSegmentedName(record[0])) throw record.Problem($"'{record[0]}' is not a multi-segment record's name/segments");
        var slash = record[0].LastIndexOf('/');
        var name = record[0][..slash];
        var segmentCount = record.ParseLong(record[0][(slash + 1)..], 0, 1, "the number of segments");
        if (segmentCount > InputLimits.MaxSegments)
            throw record.Problem($"the number of segments must be no more than {InputLimits.MaxSegments:N0}, got {segmentCount}");
        var (signals, frequency, frames) = WfdbHeaderParser.ParseCounts(record);

        if (lines.Count - 1 != segmentCount)
            throw DataFormatException.Malformed(
                file, null, $"the record line declares {segmentCount} segments but {lines.Count - 1} segment lines follow");
        var segments = new List<WfdbSegment>((int)segmentCount);
        long total = 0;
        foreach (var line in lines.Skip(1))
        {
            if (line.Count != 2) throw line.Problem("a segment line is a record name and its length in samples");
            var segment = new WfdbSegment(line[0], line.ParseLong(line[1], 1, 0, "a segment's length"), line.Number);
            total += segment.Frames;
            if (total > InputLimits.MaxSamplesPerSignal)
                throw line.Problem($"the segments are longer than the {InputLimits.MaxSamplesPerSignal:N0} samples a record may have");
            segments.Add(segment);
        }
        if (frames > 0 && frames != total)
            throw record.Problem($"the record line gives {frames} samples per signal but its segments add up to {total}");
        return new WfdbMultiSegmentHeader(file, name, signals, frequency, total, segments, comments);
    }
}
