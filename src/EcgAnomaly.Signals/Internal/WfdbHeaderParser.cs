namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Parses the text of a single-segment WFDB header: the record line, one line per signal, and '#' comment lines
/// anywhere (WFDB's "info" strings). Blank lines are skipped; lines keep their 1-based numbers for messages.
/// </summary>
internal static class WfdbHeaderParser
{
    private const double DefaultFrequency = 250;

    public static WfdbHeader Parse(string text, string file)
    {
        var (lines, comments) = WfdbHeaderText.Split(text, file);

        var record = lines[0];
        var (name, signalCount, frequency, samples) = ParseRecordLine(record);
        if (lines.Count - 1 < signalCount)
            throw DataFormatException.Malformed(
                file, null, $"the record line declares {signalCount} signals but {lines.Count - 1} signal lines follow");
        if (lines.Count - 1 > signalCount)
            throw lines[signalCount + 1].Problem($"unexpected line: the record line declares only {signalCount} signals");

        var signals = new List<WfdbSignalSpec>(signalCount);
        for (var i = 0; i < signalCount; i++) signals.Add(WfdbSignalLineParser.Parse(lines[i + 1], name, i));
        var frameLength = signals.Sum(s => (long)s.SamplesPerFrame);
        if (frameLength > InputLimits.MaxSamplesPerFrame)
            throw record.Problem(
                $"a frame of this record holds {frameLength:N0} samples; no more than {InputLimits.MaxSamplesPerFrame:N0} are read");
        return new WfdbHeader(file, name, frequency, samples, signals, lines.Skip(1).Select(l => l.Number).ToArray(), comments);
    }

    private static (string Name, int Signals, double Frequency, long Samples) ParseRecordLine(WfdbHeaderLine line)
    {
        var name = line[0];
        if (WfdbMultiSegmentHeaderParser.IsSegmentedName(name))
            throw line.Problem(
                $"'{name}' is a multi-segment record, not a single-segment one; open it with {nameof(EcgRecording)}.{nameof(EcgRecording.Open)} "
                + $"or {nameof(WfdbMultiSegmentRecord)}.{nameof(WfdbMultiSegmentRecord.Open)}");
        var (signals, frequency, samples) = ParseCounts(line);
        return (name, signals, frequency, samples);
    }

    /// <summary>
    /// The fields after the name on a record line, single- or multi-segment alike: number of signals, sampling
    /// frequency (WFDB's default when absent) and samples per signal (0 when absent), each within its input limit.
    /// </summary>
    internal static (int Signals, double Frequency, long Samples) ParseCounts(WfdbHeaderLine line)
    {
        if (!line.Has(1)) throw line.Problem("the record line needs the number of signals after the record name");
        var signals = line.ParseInt(line[1], 1);
        if (signals < 0 || signals > InputLimits.MaxSignals)
            throw line.Problem($"the number of signals must be between 0 and {InputLimits.MaxSignals:N0}, got {line[1]}");

        var frequency = DefaultFrequency;
        if (line.Has(2))
        {
            // fs[/counterfreq[(basecounter)]]: only the sampling frequency matters here.
            var field = line[2];
            var end = field.IndexOfAny(['/', '(']);
            frequency = line.ParseDouble(end < 0 ? field : field[..end], 2);
            if (frequency <= 0 || frequency > InputLimits.MaxSamplingFrequency)
                throw line.Problem(
                    $"the sampling frequency must be positive and no more than {InputLimits.MaxSamplingFrequency:N0} Hz, got {field}");
        }
        var samples = line.Has(3) ? line.ParseLong(line[3], 3, 0, "the number of samples per signal") : 0;
        if (samples > InputLimits.MaxSamplesPerSignal)
            throw line.Problem(
                $"the number of samples per signal must be no more than {InputLimits.MaxSamplesPerSignal:N0}, got {line[3]}");
        return (signals, frequency, samples);
    }
}
