using System.Globalization;
using System.Text;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Reads and checks the header of an EDF or BDF file. Every field is ASCII (read as Latin-1, so that a stray "µ" in
/// old files survives), space-padded and trimmed; every number is checked, and a bad one is reported with the byte
/// offset and name of its field and, for a signal's field, the signal. Nothing is allocated from a count before that
/// count is checked against <see cref="InputLimits"/> and the file's length.
/// </summary>
internal static class EdfHeaderParser
{
    private const int FixedBytes = 256;
    private const string SamplesField = "number of samples in each data record";

    // Name and width of each per-signal field, in file order (each field is stored for all signals before the next).
    private static readonly (string Name, int Width)[] SignalFields =
    [
        ("label", 16), ("transducer type", 80), ("physical dimension", 8), ("physical minimum", 8),
        ("physical maximum", 8), ("digital minimum", 8), ("digital maximum", 8), ("prefiltering", 80), (SamplesField, 8),
        ("reserved", 32),
    ];

    public static EdfHeader Read(string file)
    {
        if (FileKind.NotRegular(file) is { } kind) throw DataFormatException.Malformed(file, null, $"is {kind}, not a regular file");
        if (!File.Exists(file)) throw DataFormatException.MissingFile(file);
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var length = stream.Length;
        var head = ReadBytes(stream, file, FixedBytes, length, "the file's header");

        var isBdf = head[0] == 0xFF && Encoding.Latin1.GetString(head, 1, 7) == "BIOSEMI";
        var version = Field(head, 0, 8);
        if (!isBdf && version != "0")
            throw Problem(file, 0, "version", $"'{Show(version)}' is neither EDF's '0' nor BDF's 0xFF 'BIOSEMI'");
        string[] text = [Field(head, 8, 80), Field(head, 88, 80), Field(head, 168, 8), Field(head, 176, 8), Field(head, 192, 44)];

        var signalCount = (int)ParseLong(file, head, 252, 4, "number of signals");
        if (signalCount < 1 || signalCount > InputLimits.MaxSignals)
            throw Problem(file, 252, "number of signals", $"must be between 1 and {InputLimits.MaxSignals:N0}, got {signalCount}");
        var headerBytes = ParseLong(file, head, 184, 8, "number of bytes in header record");
        if (headerBytes != FixedBytes * (signalCount + 1L))
            throw Problem(file, 184, "number of bytes in header record",
                $"{headerBytes} does not match {signalCount} signals (256 + 256 per signal = {FixedBytes * (signalCount + 1L)})");
        var duration = ParseDouble(file, head, 244, 8, "duration of a data record");
        if (duration < 0) throw Problem(file, 244, "duration of a data record", $"{duration} seconds is negative");

        var signalBytes = ReadBytes(stream, file, FixedBytes * signalCount, length, $"the header of {signalCount} signals");
        var signals = new EdfSignalHeader[signalCount];
        for (var s = 0; s < signalCount; s++) signals[s] = ParseSignal(file, signalBytes, signalCount, s, isBdf, duration);

        var recordBytes = signals.Sum(s => (long)s.SamplesPerRecord) * (isBdf ? 3 : 2);
        if (recordBytes > InputLimits.MaxEdfRecordBytes)
        {
            throw Problem(file, FixedBytes + (long)FieldStart(SamplesField, signalCount), SamplesField,
                $"a data record of {recordBytes:N0} bytes is more than {InputLimits.MaxEdfRecordBytes:N0}");
        }
        var records = DataRecords(file, head, headerBytes, recordBytes, length);
        foreach (var (signal, s) in signals.Select((signal, s) => (signal, s)))
        {
            if (records * (double)signal.SamplesPerRecord > InputLimits.MaxSamplesPerSignal)
                throw Problem(file, 236, "number of data records",
                    $"{records} records of {signal.SamplesPerRecord} samples make signal {s} longer than "
                    + $"{InputLimits.MaxSamplesPerSignal:N0} samples");
        }
        return new EdfHeader(file, isBdf, text, records, duration, signals);
    }

    private static long DataRecords(string file, byte[] head, long headerBytes, long recordBytes, long length)
    {
        var declared = ParseLong(file, head, 236, 8, "number of data records");
        if (declared < -1) throw Problem(file, 236, "number of data records", $"{declared} is negative");
        var dataBytes = Math.Max(0, length - headerBytes);
        var held = recordBytes == 0 ? 0 : dataBytes / recordBytes;
        // -1 means "unknown" (a file still being recorded): the whole records present are the recording.
        if (declared == -1) return held;
        if (held < declared)
            throw DataFormatException.Malformed(file, null, string.Create(CultureInfo.InvariantCulture,
                $"byte {length}: truncated: the header (byte 236, number of data records) declares {declared} data records of "
                + $"{recordBytes} bytes, the file holds {held} whole"));
        // Bytes after the declared records are not part of the recording (EDF gives their number, not the file size).
        return declared;
    }

    private static EdfSignalHeader ParseSignal(string file, byte[] bytes, int count, int s, bool isBdf, double duration)
    {
        string Text(string name) => Field(bytes, FieldStart(name, count) + s * Width(name), Width(name));
        var label = Text("label");
        var what = $"signal {s} ({label})";
        long Offset(string name) => FixedBytes + (long)FieldStart(name, count) + s * Width(name);
        int At(string name) => FieldStart(name, count) + s * Width(name);
        double Real(string name) => ParseDouble(file, bytes, At(name), Width(name), name, what, FixedBytes);
        long Whole(string name) => ParseLong(file, bytes, At(name), Width(name), name, what, FixedBytes);

        var physicalMin = Real("physical minimum");
        var physicalMax = Real("physical maximum");
        var digitalMin = Whole("digital minimum");
        var digitalMax = Whole("digital maximum");
        var samples = Whole(SamplesField);
        var limit = isBdf ? 1L << 23 : 1L << 15;
        foreach (var (name, value) in new[] { ("digital minimum", digitalMin), ("digital maximum", digitalMax) })
        {
            if (value < -limit || value >= limit)
                throw Problem(file, Offset(name), $"{name} of {what}", $"{value} is outside the {(isBdf ? 24 : 16)}-bit range");
        }
        if (digitalMax <= digitalMin)
        {
            throw Problem(file, Offset("digital maximum"), $"digital maximum of {what}",
                $"{digitalMax} is not above the digital minimum {digitalMin}");
        }
        var signal = new EdfSignalHeader(label, Text("transducer type"), Text("physical dimension"), physicalMin, physicalMax,
            (int)digitalMin, (int)digitalMax, Text("prefiltering"), 0);
        if (physicalMax == physicalMin && !signal.IsAnnotation)
            throw Problem(file, Offset("physical maximum"), $"physical maximum of {what}", $"{physicalMax} equals the physical minimum");
        if (samples < 1 || samples > InputLimits.MaxEdfRecordBytes)
        {
            throw Problem(file, Offset(SamplesField), $"{SamplesField} of {what}",
                $"must be between 1 and {InputLimits.MaxEdfRecordBytes:N0}, got {samples}");
        }
        if (!signal.IsAnnotation)
        {
            if (duration == 0)
            {
                throw Problem(file, 244, "duration of a data record",
                    $"0 seconds, but {what} is not an annotation signal (it would have no sampling rate)");
            }
            if (samples / duration > InputLimits.MaxSamplingFrequency)
                throw Problem(file, Offset(SamplesField), $"{SamplesField} of {what}",
                    $"{samples} samples per {duration} s is more than {InputLimits.MaxSamplingFrequency:N0} Hz");
        }
        return signal with { SamplesPerRecord = (int)samples };
    }

    private static int Width(string name) => SignalFields.First(f => f.Name == name).Width;

    /// <summary>Offset of the field's first signal inside the signal part of the header.</summary>
    private static int FieldStart(string name, int count)
    {
        var start = 0;
        foreach (var field in SignalFields)
        {
            if (field.Name == name) return start;
            start += field.Width * count;
        }
        throw new ArgumentException($"no EDF signal field '{name}'", nameof(name));
    }

    private static byte[] ReadBytes(Stream stream, string file, int count, long length, string what)
    {
        var bytes = new byte[count];
        var start = stream.Position;
        if (stream.ReadAtLeast(bytes, count, throwOnEndOfStream: false) < count)
            throw DataFormatException.Malformed(file, null, string.Create(CultureInfo.InvariantCulture,
                $"byte {length}: truncated header: {what} takes bytes {start} to {start + count - 1}, the file has {length} bytes"));
        return bytes;
    }

    private static string Field(byte[] bytes, int offset, int width) => Encoding.Latin1.GetString(bytes, offset, width).Trim(' ', '\0');

    private static double ParseDouble(
        string file, byte[] bytes, int offset, int width, string name, string? what = null, int baseOffset = 0)
    {
        var text = Field(bytes, offset, width);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw NotANumber(file, baseOffset + offset, name, what, text);
        return value;
    }

    private static long ParseLong(
        string file, byte[] bytes, int offset, int width, string name, string? what = null, int baseOffset = 0)
    {
        var text = Field(bytes, offset, width);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw NotANumber(file, baseOffset + offset, name, what, text);
        return value;
    }

    private static DataFormatException NotANumber(string file, long offset, string name, string? what, string text) =>
        Problem(file, offset, what is null ? name : $"{name} of {what}", $"'{Show(text)}' is not a number");

    private static DataFormatException Problem(string file, long offset, string field, string problem) =>
        DataFormatException.Malformed(file, null, string.Create(CultureInfo.InvariantCulture, $"byte {offset} ({field}): {problem}"));

    private static string Show(string text)
    {
        var printable = new string(text.Select(c => c is < ' ' or > '~' ? '?' : c).ToArray());
        return printable.Length <= 40 ? printable : printable[..40] + "...";
    }
}
