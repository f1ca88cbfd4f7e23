using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Signals;

/// <summary>
/// A single-segment WFDB header (<c>.hea</c>): record name, sampling frequency, length, one spec per signal, and the
/// '#' comment lines (which in PhysioNet databases hold age, sex and medication).
/// </summary>
public sealed class WfdbHeader
{
    internal WfdbHeader(
        string file,
        string recordName,
        double samplingFrequency,
        long samplesPerSignal,
        IReadOnlyList<WfdbSignalSpec> signals,
        IReadOnlyList<int> signalLines,
        IReadOnlyList<string> comments)
    {
        File = file;
        RecordName = recordName;
        SamplingFrequency = samplingFrequency;
        SamplesPerSignal = samplesPerSignal;
        Signals = signals;
        SignalLines = signalLines;
        Comments = comments;
    }

    /// <summary>The record name on the header's first line (for MIT-BIH record 100: "100").</summary>
    public string RecordName { get; }

    /// <summary>Number of signals (leads) in the record.</summary>
    public int SignalCount => Signals.Count;

    /// <summary>Samples per second per signal; 250 when the header leaves it out, as in WFDB.</summary>
    public double SamplingFrequency { get; }

    /// <summary>Samples per signal; 0 when the header leaves it out (the signal files then say how long it is).</summary>
    public long SamplesPerSignal { get; }

    /// <summary>One spec per signal, in the header's order (signal numbers are indices into this list).</summary>
    public IReadOnlyList<WfdbSignalSpec> Signals { get; }

    /// <summary>The text of the '#' lines, without the '#' and surrounding blanks.</summary>
    public IReadOnlyList<string> Comments { get; }

    /// <summary>The file named in messages.</summary>
    internal string File { get; }

    /// <summary>The 1-based header line of each signal, for messages about that signal.</summary>
    internal IReadOnlyList<int> SignalLines { get; }

    /// <exception cref="DataFormatException">The file is missing or malformed.</exception>
    public static WfdbHeader Read(string heaPath)
    {
        ArgumentNullException.ThrowIfNull(heaPath);
        return Parse(WfdbHeaderText.Read(heaPath), heaPath);
    }

    /// <summary>Parses header text; LF or CRLF line ends, blank lines and '#' comments anywhere.</summary>
    /// <exception cref="DataFormatException">The text is malformed; the message names the file, line and column.</exception>
    public static WfdbHeader Parse(string text, string fileNameForErrors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileNameForErrors);
        return WfdbHeaderParser.Parse(text, fileNameForErrors);
    }
}
