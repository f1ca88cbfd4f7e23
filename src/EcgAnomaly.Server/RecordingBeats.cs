using System.Globalization;

namespace EcgAnomaly.Server;

/// <summary>The columns of a beats.csv the viewer draws, one array entry per beat.</summary>
internal sealed record RecordingBeats(
    double[] Seconds, long[] Samples, double[] Scores, bool[] Flagged, string?[] Reference, string?[] Class)
{
    /// <summary>Reads beats.csv by its header's column names (older files without some columns still read).</summary>
    /// <exception cref="DataFormatException">Missing file, no header, or a row that does not parse.</exception>
    public static RecordingBeats Read(string file)
    {
        if (!File.Exists(file)) throw DataFormatException.MissingFile(file);
        using var reader = new StreamReader(file);
        var header = reader.ReadLine()?.Split(',') ?? throw DataFormatException.Malformed(file, 1, "empty: no header");
        int Column(string name) => Array.IndexOf(header, name);
        int time = Column("time_s"), sample = Column("sample"), score = Column("score"), abnormal = Column("abnormal");
        int aami = Column("aami"), verdict = Column("class");
        if (time < 0 || sample < 0 || score < 0 || abnormal < 0)
            throw DataFormatException.Malformed(file, 1, "not a beats.csv of record: time_s, sample, score or abnormal missing");
        var seconds = new List<double>();
        var samples = new List<long>();
        var scores = new List<double>();
        var flagged = new List<bool>();
        var reference = new List<string?>();
        var classes = new List<string?>();
        var line = 1;
        while (reader.ReadLine() is { } row)
        {
            line++;
            var cells = row.Split(',');
            if (cells.Length < header.Length
                || !double.TryParse(cells[time], NumberStyles.Float, CultureInfo.InvariantCulture, out var t)
                || !long.TryParse(cells[sample], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
                || !double.TryParse(cells[score], NumberStyles.Float, CultureInfo.InvariantCulture, out var e))
                throw DataFormatException.Malformed(file, line, "a row that does not parse as a beat");
            seconds.Add(t);
            samples.Add(s);
            scores.Add(e);
            flagged.Add(cells[abnormal] == "1");
            reference.Add(aami >= 0 && cells[aami].Length > 0 ? cells[aami] : null);
            classes.Add(verdict >= 0 && cells[verdict].Length > 0 ? cells[verdict] : null);
        }
        return new RecordingBeats([.. seconds], [.. samples], [.. scores], [.. flagged], [.. reference], [.. classes]);
    }
}
