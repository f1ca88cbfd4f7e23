using System.Globalization;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// One line of a WFDB header split into whitespace-separated fields, each with its 1-based column, so that a bad
/// field can be reported at file:line:column.
/// </summary>
internal sealed class WfdbHeaderLine
{
    private readonly List<(string Text, int Column)> _fields = [];

    public WfdbHeaderLine(string file, int number, string text)
    {
        File = file;
        Number = number;
        Text = text;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i > start) _fields.Add((text[start..i], start + 1));
        }
    }

    public string File { get; }

    public int Number { get; }

    public string Text { get; }

    public int Count => _fields.Count;

    public string this[int index] => _fields[index].Text;

    public int Column(int index) => _fields[index].Column;

    /// <summary>The rest of the line from field <paramref name="index"/> on, inner spaces kept (descriptions).</summary>
    public string Rest(int index) => Text[(_fields[index].Column - 1)..].Trim();

    public bool Has(int index) => index < _fields.Count;

    public long ParseLong(string text, int field, long min, string what)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw DataFormatException.NotANumber(File, Number, Column(field), text);
        if (value < min) throw Problem($"{what} must be at least {min}, got {text}");
        return value;
    }

    public int ParseInt(string text, int field)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw DataFormatException.NotANumber(File, Number, Column(field), text);
        return value;
    }

    public double ParseDouble(string text, int field)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw DataFormatException.NotANumber(File, Number, Column(field), text);
        if (!double.IsFinite(value)) throw DataFormatException.NotFinite(File, Number, Column(field), text);
        return value;
    }

    public DataFormatException Problem(string problem) => DataFormatException.Malformed(File, Number, problem);
}
