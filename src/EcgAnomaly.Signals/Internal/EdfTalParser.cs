using System.Globalization;
using System.Text;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Parses the Time-stamped Annotation Lists of one data record's annotation signal (EDF+ section 2.2):
/// <c>+onset[\x15duration]\x14text\x14text\x14...\x00</c>, repeated, then zero padding. The first TAL of the first
/// annotation signal in each record is the record's timekeeping TAL: its onset is the record's start and its first
/// text is empty.
/// </summary>
internal static class EdfTalParser
{
    private const byte Separator = 0x14;
    private const byte DurationMark = 0x15;

    /// <summary>Adds the record's annotations to <paramref name="into"/>.</summary>
    /// <param name="file">The file, for messages.</param>
    /// <param name="bytes">The annotation signal's bytes in this data record.</param>
    /// <param name="offset">The byte offset of <paramref name="bytes"/> in the file, for messages.</param>
    /// <param name="timekeeping">Whether this signal's first TAL gives the record's start.</param>
    /// <param name="into">Where the annotations go.</param>
    /// <returns>The record's start in seconds when <paramref name="timekeeping"/>, else null.</returns>
    /// <exception cref="DataFormatException">A TAL is malformed; the message names its byte offset.</exception>
    public static double? Parse(string file, ReadOnlySpan<byte> bytes, long offset, bool timekeeping, List<EdfAnnotation> into)
    {
        double? start = null;
        var position = 0;
        var first = true;
        while (position < bytes.Length && bytes[position] != 0)
        {
            var end = bytes[position..].IndexOf((byte)0);
            if (end < 0) throw Malformed(file, offset + position, "a TAL is not terminated by a 0 byte before the end of the signal");
            var tal = bytes.Slice(position, end);
            var tag = tal.IndexOf(Separator);
            if (tag < 0) throw Malformed(file, offset + position, "a TAL has no 0x14 after its onset");
            var time = tal[..tag];
            var mark = time.IndexOf(DurationMark);
            var onset = Number(file, offset + position, mark < 0 ? time : time[..mark], "onset", signed: true);
            double? duration = mark < 0 ? null : Number(file, offset + position + mark + 1, time[(mark + 1)..], "duration", signed: false);
            var texts = tal[(tag + 1)..];
            var skipFirst = first && timekeeping;
            if (skipFirst) start = onset;
            while (texts.Length > 0)
            {
                var next = texts.IndexOf(Separator);
                var text = next < 0 ? texts : texts[..next];
                if (!skipFirst) into.Add(new EdfAnnotation(onset, duration, Encoding.UTF8.GetString(text)));
                if (into.Count > InputLimits.MaxEdfAnnotations)
                    throw Malformed(file, offset + position, $"more than {InputLimits.MaxEdfAnnotations:N0} annotations");
                skipFirst = false;
                if (next < 0) break;
                texts = texts[(next + 1)..];
            }
            first = false;
            position += end + 1;
        }
        if (timekeeping && start is null)
            throw Malformed(file, offset, "the data record's annotation signal has no timekeeping TAL (+start\\x14\\x14)");
        return start;
    }

    private static double Number(string file, long offset, ReadOnlySpan<byte> text, string what, bool signed)
    {
        var ascii = Encoding.Latin1.GetString(text);
        // EDF+ requires the sign on an onset and forbids it on a duration; both are plain decimals (no exponent).
        var ok = ascii.Length > (signed ? 1 : 0)
            && (!signed || ascii[0] is '+' or '-')
            && ascii[(signed ? 1 : 0)..].All(c => char.IsAsciiDigit(c) || c == '.')
            && double.TryParse(ascii, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
        if (!ok) throw Malformed(file, offset, $"TAL {what} '{Printable(ascii)}' is not a {(signed ? "signed " : "")}decimal number");
        return double.Parse(ascii, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private static DataFormatException Malformed(string file, long offset, string problem) =>
        DataFormatException.Malformed(file, null,
            string.Create(CultureInfo.InvariantCulture, $"byte {offset} (EDF Annotations): {problem}"));

    private static string Printable(string text)
    {
        var shown = new string(text.Select(c => c is < ' ' or > '~' ? '?' : c).ToArray());
        return shown.Length <= 40 ? shown : shown[..40] + "...";
    }
}
