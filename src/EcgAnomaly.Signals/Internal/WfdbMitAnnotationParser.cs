using System.Buffers.Binary;
using System.Text;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Decodes the MIT annotation format the way WFDB's getann does: a code word starts an annotation, and the
/// SUB/CHN/NUM/AUX words after it modify that annotation; CHN and NUM carry over to later annotations, SUB and AUX
/// do not; SKIP moves the clock for the next annotation.
/// </summary>
internal static class WfdbMitAnnotationParser
{
    private const int Skip = 59;
    private const int Num = 60;
    private const int Sub = 61;
    private const int Chn = 62;
    private const int Aux = 63;

    public static List<WfdbAnnotation> Parse(ReadOnlySpan<byte> bytes, string file)
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
                    number = data;
                    Modify(annotations, a => a with { Number = data });
                    break;
                case Chn:
                    channel = data;
                    Modify(annotations, a => a with { Channel = data });
                    break;
                case Sub:
                    RequireCurrent(annotations, file, wordOffset, "SUB");
                    Modify(annotations, a => a with { SubType = data });
                    break;
                case Aux:
                    RequireCurrent(annotations, file, wordOffset, "AUX");
                    var padded = (data + 1) & ~1;
                    if (bytes.Length - position < padded)
                        throw Truncated(file, wordOffset,
                            $"AUX announces {data} bytes of text (padded to {padded}), {bytes.Length - position} bytes remain");
                    var text = Encoding.Latin1.GetString(bytes.Slice(position, data)).TrimEnd('\0');
                    Modify(annotations, a => a with { Aux = text });
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
