using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Decodes the MIT annotation format the way WFDB's annopen and getann (lib/annot.c) do: a code word starts an
/// annotation, and the SUB/CHN/NUM/AUX words after it modify that annotation; CHN and NUM carry over to later
/// annotations, SUB and AUX do not; SKIP moves the clock for the next annotation. The NOTE annotations at sample 0
/// that open a file are WFDB's table of custom mnemonics: they are read as such and not returned.
/// </summary>
internal static class WfdbMitAnnotationParser
{
    private const int Skip = 59;
    private const int Num = 60;
    private const int Sub = 61;
    private const int Chn = 62;
    private const int Aux = 63;

    private const string TimeResolutionNote = "## time resolution: ";

    /// <summary>The annotations, with times in the file's own ticks, and the ticks per second the file declares, if any.</summary>
    public static (List<WfdbAnnotation> Annotations, double? TimeResolution) Parse(ReadOnlySpan<byte> bytes, string file)
    {
        double? resolution = null;
        var annotations = ApplyMnemonicTable(Decode(bytes, file), ref resolution);
        return (annotations, resolution);
    }

    /// <summary>
    /// getann's times for a record of <paramref name="samplingFrequency"/>: ticks times frequency over the file's time
    /// resolution, rounded half up (round_to_time); unchanged when the file declares none.
    /// </summary>
    public static List<WfdbAnnotation> ToSamples(List<WfdbAnnotation> annotations, double? timeResolution, double samplingFrequency)
    {
        if (timeResolution is not { } resolution || !double.IsFinite(resolution) || !(resolution > 0) || !(samplingFrequency > 0))
            return annotations;
        var multiplier = samplingFrequency / resolution;
        return annotations.ConvertAll(a => a with { Sample = RoundToTime(a.Sample * multiplier) });
    }

    private static long RoundToTime(double x)
    {
        if (x >= long.MaxValue) return long.MaxValue;
        if (x <= long.MinValue) return long.MinValue;
        var t = (long)x;
        if (x >= 0) return x - t >= 0.5 ? t + 1 : t;
        return x - t < -0.5 ? t - 1 : t;
    }

    private static List<WfdbAnnotation> Decode(ReadOnlySpan<byte> bytes, string file)
    {
        var annotations = new List<WfdbAnnotation>();
        long time = 0;
        int channel = 0, number = 0;
        var position = 0;
        // A file may end without the zero word; WFDB then simply stops.
        while (position < bytes.Length)
        {
            var wordOffset = position;
            if (bytes.Length - position < 2) throw Truncated(file, wordOffset, "a lone byte where a 16-bit word was expected");
            var word = BinaryPrimitives.ReadUInt16LittleEndian(bytes[position..]);
            position += 2;
            if (word == 0) break;
            var code = word >> 10;
            var data = word & 0x3FF;
            switch (code)
            {
                case Skip:
                    if (bytes.Length - position < 4)
                        throw Truncated(file, wordOffset, $"SKIP needs a 4-byte interval, {bytes.Length - position} bytes remain");
                    // PDP-11 order: the high 16-bit word comes first.
                    var high = BinaryPrimitives.ReadUInt16LittleEndian(bytes[position..]);
                    var low = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(position + 2)..]);
                    time += (int)((uint)high << 16 | low);
                    position += 4;
                    break;
                case Num:
                    // WFDB keeps num in a signed char and chan in an unsigned char; rdann prints what those hold.
                    number = (sbyte)data;
                    Modify(annotations, a => a with { Number = number });
                    break;
                case Chn:
                    channel = (byte)data;
                    Modify(annotations, a => a with { Channel = channel });
                    break;
                case Sub:
                    RequireCurrent(annotations, file, wordOffset, "SUB");
                    Modify(annotations, a => a with { SubType = (sbyte)data });
                    break;
                case Aux:
                    RequireCurrent(annotations, file, wordOffset, "AUX");
                    // getann takes the length from the low 8 bits only; the two above them are not part of it.
                    var length = data & 0xFF;
                    var padded = (length + 1) & ~1;
                    if (bytes.Length - position < padded)
                        throw Truncated(file, wordOffset,
                            $"AUX announces {length} bytes of text (padded to {padded}), {bytes.Length - position} bytes remain");
                    var text = bytes.Slice(position, length);
                    // WFDB hands the text on as a C string, so a NUL inside it ends it (100.atr's first note is "(N\0").
                    var nul = text.IndexOf((byte)0);
                    var aux = Encoding.Latin1.GetString(nul < 0 ? text : text[..nul]);
                    Modify(annotations, a => a with { Aux = aux });
                    position += padded;
                    break;
                default:
                    time += data;
                    annotations.Add(new WfdbAnnotation(time, code, AnnotationCodes.Symbol(code), 0, channel, number, null));
                    break;
            }
        }
        return annotations;
    }

    /// <summary>
    /// WFDB's get_ann_table: the NOTE annotations (subtype 0) at sample 0 that open the file define mnemonics as
    /// "code mnemonic description" (those starting with '#' are comments) and are consumed; the annotation after them
    /// is pushed back, which loses it when its code is 0 (ungetann cannot hold code 0; wfdb-python's writer puts such
    /// a marker after its table).
    /// </summary>
    private static List<WfdbAnnotation> ApplyMnemonicTable(List<WfdbAnnotation> annotations, ref double? resolution)
    {
        const int note = 22;
        Dictionary<int, string>? custom = null;
        var first = 0;
        for (; first < annotations.Count; first++)
        {
            var a = annotations[first];
            if (a.Sample != 0 || a.Code != note || a.SubType != 0) break;
            if (a.Aux is { } aux && aux.StartsWith(TimeResolutionNote, StringComparison.Ordinal)
                && LeadingNumber(aux[TimeResolutionNote.Length..]) is { } ticksPerSecond)
                resolution = ticksPerSecond;
            if (ParseDefinition(a.Aux) is { } definition) (custom ??= [])[definition.Code] = definition.Mnemonic;
        }
        if (first < annotations.Count && annotations[first].Code == 0) first++;
        if (first == 0 && custom is null) return annotations;
        var rest = annotations.GetRange(first, annotations.Count - first);
        if (custom is null) return rest;
        for (var i = 0; i < rest.Count; i++)
            if (custom.TryGetValue(rest[i].Code, out var mnemonic)) rest[i] = rest[i] with { Symbol = mnemonic };
        return rest;
    }

    // As get_ann_table's strtok and strtol: the first token must start with a number from 0 to ACMAX (anything after
    // its digits is ignored), and the second token, split on space or tab only, is the mnemonic.
    private static (int Code, string Mnemonic)? ParseDefinition(string? aux)
    {
        if (string.IsNullOrEmpty(aux) || aux[0] == '#') return null;
        var tokens = aux.Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2) return null;
        var digits = 0;
        var number = tokens[0];
        var sign = number[0] is '+' or '-' ? 1 : 0;
        while (sign + digits < number.Length && char.IsAsciiDigit(number[sign + digits])) digits++;
        if (digits == 0 || digits > 9) return null;
        var code = int.Parse(number.AsSpan(sign, digits), CultureInfo.InvariantCulture);
        if (number[0] == '-') code = -code;
        return code is >= 0 and <= AnnotationCodes.MaxCode ? (code, tokens[1]) : null;
    }

    // As sscanf's %lf: the longest prefix that is a number; null when there is none.
    private static double? LeadingNumber(string text)
    {
        text = text.TrimStart();
        for (var length = text.Length; length > 0; length--)
            if (double.TryParse(text.AsSpan(0, length), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return value;
        return null;
    }

    // NUM and CHN before the first annotation only set the values that the following annotations inherit.
    private static void Modify(List<WfdbAnnotation> annotations, Func<WfdbAnnotation, WfdbAnnotation> change)
    {
        if (annotations.Count > 0) annotations[^1] = change(annotations[^1]);
    }

    private static void RequireCurrent(List<WfdbAnnotation> annotations, string file, int offset, string word)
    {
        if (annotations.Count == 0)
            throw DataFormatException.Malformed(file, null, $"byte {offset}: {word} word before the first annotation");
    }

    private static DataFormatException Truncated(string file, int offset, string problem) =>
        DataFormatException.Malformed(file, null, $"byte {offset}: truncated: {problem}");
}
