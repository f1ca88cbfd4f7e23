using System.Globalization;

namespace EcgAnomaly.Data.Internal;

/// <summary>Collects parsed rows of one file and enforces what every UCR format shares: equal lengths, finite values.</summary>
internal sealed class BeatTableBuilder(string file)
{
    private readonly List<float> _values = new(1 << 16);
    private readonly List<int> _labels = new(1024);
    private int _length = -1;
    private int _rowStart;

    public string File { get; } = file;

    /// <summary>Parses one value field; column is 1-based as an editor shows fields.</summary>
    public float ParseValue(ReadOnlySpan<char> text, int line, int column)
    {
        text = text.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw DataFormatException.NotANumber(File, line, column, text.ToString());
        // Parsed as double and narrowed, as the study's pandas -> float32 tensor path does.
        var narrowed = (float)value;
        if (!float.IsFinite(narrowed)) throw DataFormatException.NotFinite(File, line, column, text.ToString());
        return narrowed;
    }

    public int ParseLabel(ReadOnlySpan<char> text, int line, int column)
    {
        text = text.Trim().Trim('"').Trim('\'');
        if (text.IsEmpty || text is "?") throw DataFormatException.MissingLabel(File, line);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value != Math.Round(value) || Math.Abs(value) > int.MaxValue)
            throw DataFormatException.BadLabel(File, line, column, text.ToString());
        return (int)value;
    }

    public void BeginRow() => _rowStart = _values.Count;

    /// <summary>Adds one value of the row begun last; a row longer than any beat is refused before it grows further.</summary>
    public void AddValue(float value, int line)
    {
        if (_values.Count - _rowStart >= InputLimits.MaxBeatSamples) throw TooManySamples(File, line);
        _values.Add(value);
    }

    /// <summary>A row holds more samples than a beat may (<see cref="InputLimits.MaxBeatSamples"/>).</summary>
    public static DataFormatException TooManySamples(string file, int line) =>
        DataFormatException.Malformed(file, line, $"row has more than {InputLimits.MaxBeatSamples:N0} values, the most a beat may have");

    public void EndRow(int label, int line)
    {
        var count = _values.Count - _rowStart;
        if (count == 0) throw DataFormatException.Malformed(File, line, "row has a label but no values");
        if (_length < 0) _length = count;
        else if (count != _length) throw DataFormatException.RaggedRow(File, line, count, _length);
        _labels.Add(label);
    }

    public LabelledBeats Build()
    {
        if (_labels.Count == 0) throw DataFormatException.EmptyFile(File);
        return new LabelledBeats(_values.ToArray(), _labels.ToArray(), _length, File);
    }
}
