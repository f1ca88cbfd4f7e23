using System.Globalization;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Parses a signal line: <c>file format[xsamp][:skew][+offset] [gain[(baseline)][/units] [adcres [adczero [initval
/// [checksum [blocksize [description...]]]]]]]</c>, applying WFDB's defaults for the fields left out.
/// </summary>
internal static class WfdbSignalLineParser
{
    public const double DefaultGain = 200;

    public static WfdbSignalSpec Parse(WfdbHeaderLine line, string recordName, int index)
    {
        var file = line[0];
        if (file == "-") throw line.Problem("signals on standard input ('-') are not supported");
        if (!line.Has(1)) throw line.Problem($"signal line for '{file}' has no format");
        var (format, offset, samplesPerFrame, skew) = ParseFormat(line);

        var gain = DefaultGain;
        int? baseline = null;
        var units = "mV";
        if (line.Has(2)) (gain, baseline, units) = ParseGain(line);

        var adcResolution = line.Has(3) ? line.ParseInt(line[3], 3) : 0;
        // Format 0 (a null signal: no file, every sample invalid) occurs in multi-segment layout headers; WFDB gives it 12 bits.
        if (adcResolution == 0) adcResolution = format == 0 ? 12 : WfdbFormats.DefaultResolution(format);
        var adcZero = line.Has(4) ? line.ParseInt(line[4], 4) : 0;
        var initialValue = line.Has(5) ? line.ParseInt(line[5], 5) : adcZero;
        var checksum = line.Has(6) ? line.ParseInt(line[6], 6) : 0;
        var blockSize = line.Has(7) ? line.ParseInt(line[7], 7) : 0;
        var description = line.Has(8) ? line.Rest(8) : $"record {recordName}, signal {index}";

        return new WfdbSignalSpec(
            file, format, gain, baseline ?? adcZero, units, adcResolution, adcZero, initialValue, checksum, blockSize, description)
        {
            ByteOffset = offset,
            HasChecksum = line.Has(6),
            SamplesPerFrame = samplesPerFrame,
            Skew = skew,
        };
    }

    private static (int Format, long Offset, int SamplesPerFrame, long Skew) ParseFormat(WfdbHeaderLine line)
    {
        var field = line[1];
        var digits = 0;
        while (digits < field.Length && char.IsAsciiDigit(field[digits])) digits++;
        if (digits == 0) throw DataFormatException.NotANumber(line.File, line.Number, line.Column(1), field);
        var format = line.ParseInt(field[..digits], 1);
        if (format is 508 or 516 or 524)
            throw line.Problem($"FLAC-compressed signal format {format} is not supported yet");
        long offset = 0;
        long samplesPerFrame = 1;
        long skew = 0;
        var rest = field[digits..];
        while (rest.Length > 0)
        {
            var next = rest.IndexOfAny(['x', ':', '+'], 1);
            var part = next < 0 ? rest : rest[..next];
            if (part[0] is not ('x' or ':' or '+')
                || !long.TryParse(part[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                throw line.Problem($"format field '{field}' is not format[xsamples][:skew][+offset]");
            if (part[0] == 'x') samplesPerFrame = Math.Max(1, value); // WFDB reads x0 as 1
            if (part[0] == ':') skew = value;
            if (part[0] == '+') offset = value;
            rest = next < 0 ? "" : rest[next..];
        }
        if (samplesPerFrame > InputLimits.MaxSamplesPerFrame)
            throw line.Problem($"{samplesPerFrame} samples per frame ({field}): no more than {InputLimits.MaxSamplesPerFrame:N0} are read");
        if (skew > InputLimits.MaxSamplesPerSignal)
            throw line.Problem($"skew {skew} ({field}) is longer than the {InputLimits.MaxSamplesPerSignal:N0} frames a record may have");
        if (format != 0 && !WfdbFormats.IsSupported(format))
            throw line.Problem($"signal format {format} is not supported (supported: {string.Join(", ", WfdbFormats.Supported)})");
        return (format, offset, (int)samplesPerFrame, skew);
    }

    private static (double Gain, int? Baseline, string Units) ParseGain(WfdbHeaderLine line)
    {
        var field = line[2];
        var units = "mV";
        var slash = field.IndexOf('/');
        var gainAndBaseline = field;
        if (slash >= 0)
        {
            units = field[(slash + 1)..];
            gainAndBaseline = field[..slash];
        }
        int? baseline = null;
        var open = gainAndBaseline.IndexOf('(');
        var gainText = gainAndBaseline;
        if (open >= 0)
        {
            if (!gainAndBaseline.EndsWith(')')) throw line.Problem($"gain field '{field}' opens a baseline with '(' but does not close it");
            baseline = line.ParseInt(gainAndBaseline[(open + 1)..^1], 2);
            gainText = gainAndBaseline[..open];
        }
        var gain = line.ParseDouble(gainText, 2);
        // A negative gain is legal: the signal was recorded inverted. WFDB reads a gain of 0 as "uncalibrated" and then
        // uses the default.
        return (gain == 0 ? DefaultGain : gain, baseline, units);
    }
}
