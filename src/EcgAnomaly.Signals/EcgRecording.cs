using System.Globalization;

namespace EcgAnomaly.Signals;

/// <summary>
/// A recording in any format the tool reads (WFDB, EDF): its signals and their values in physical units, streamed one
/// signal at a time. Beat detection, training and scoring work on this type, so a new format is one subclass and one
/// line in <see cref="Open"/>.
/// </summary>
public abstract class EcgRecording
{
    /// <summary>The record's name, e.g. "100" for MIT-BIH record 100 or the EDF file's name without extension.</summary>
    public abstract string Name { get; }

    /// <summary>The file that describes the recording (a WFDB header, an EDF file), named in messages and hashed.</summary>
    public abstract string DescriptorFile { get; }

    /// <summary>The recording's signals, in file order (signal numbers are indices into this list).</summary>
    public abstract IReadOnlyList<RecordingSignal> Signals { get; }

    /// <summary>
    /// Opens a recording by its path: an EDF or EDF+ file (<c>.edf</c>; BDF and BDF+ as <c>.bdf</c>), else a WFDB record
    /// by its header, its path without extension, or one of its signal or annotation files.
    /// </summary>
    /// <exception cref="DataFormatException">A file is missing, malformed or truncated.</exception>
    public static EcgRecording Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        // BDF is EDF with 24-bit samples: the header says which, so both extensions go to the same reader.
        if (extension.Equals(".edf", StringComparison.OrdinalIgnoreCase) || extension.Equals(".bdf", StringComparison.OrdinalIgnoreCase))
            return EdfRecording.Open(path);
        return WfdbRecord.OpenRecording(path);
    }

    /// <summary>
    /// Streams one signal in physical units, in chunks of <paramref name="samplesPerChunk"/> samples (the last may be
    /// shorter); only one chunk and the file buffers are held at a time.
    /// </summary>
    /// <exception cref="DataFormatException">A file turns out shorter or other than its header says.</exception>
    public abstract IEnumerable<float[]> ReadSignalChunks(int signal, int samplesPerChunk);

    /// <summary>The files the recording is read from (descriptor, signal files and, for WFDB, annotation files).</summary>
    public abstract IReadOnlyList<string> Files();

    /// <summary>The reference annotations of <paramref name="annotator"/> (e.g. "atr"), or null when there are none.</summary>
    /// <returns>Annotations with sample indices in <paramref name="signal"/>'s samples.</returns>
    /// <exception cref="DataFormatException">The annotation file is malformed.</exception>
    public virtual IReadOnlyList<WfdbAnnotation>? ReadAnnotations(int signal, string annotator = "atr") => null;

    /// <summary>Where the annotations of <paramref name="annotator"/> would be, for messages when there are none.</summary>
    public virtual string AnnotationSource(string annotator) => DescriptorFile;

    /// <summary>One whole signal in physical units.</summary>
    /// <exception cref="InvalidOperationException">The signal is too long for one array; use <see cref="ReadSignalChunks"/>.</exception>
    public float[] ReadSignal(int signal)
    {
        var length = Signals[CheckSignal(signal)].SampleCount;
        if (length > Array.MaxLength)
            throw new InvalidOperationException(
                $"record {Name} has {length} samples in signal {signal}, too many for one array; use {nameof(ReadSignalChunks)}");
        var values = new float[length];
        var filled = 0;
        foreach (var chunk in ReadSignalChunks(signal, 1 << 16))
        {
            chunk.CopyTo(values, filled);
            filled += chunk.Length;
        }
        return values;
    }

    /// <summary>
    /// The signal whose description matches (case-insensitive, first match wins), else the 0-based index given as
    /// text, so both "MLII" and "0" work on the command line.
    /// </summary>
    /// <exception cref="ArgumentException">No such signal; the message lists the record's signals.</exception>
    public int LeadIndex(string nameOrNumber)
    {
        ArgumentNullException.ThrowIfNull(nameOrNumber);
        var wanted = nameOrNumber.Trim();
        for (var i = 0; i < Signals.Count; i++)
            if (string.Equals(Signals[i].Description.Trim(), wanted, StringComparison.OrdinalIgnoreCase)) return i;
        if (int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < Signals.Count)
            return index;
        throw new ArgumentException(
            $"record {Name} has no lead '{nameOrNumber}'; its signals are {SignalList()}", nameof(nameOrNumber));
    }

    /// <summary>
    /// The lead to use when none is named: the first ECG signal in <see cref="EcgLeads.Preference"/>'s order, chosen
    /// by description, never a pressure, EEG or respiration channel.
    /// </summary>
    /// <exception cref="DataFormatException">No signal's description says it is an ECG (and the record has more than
    /// one signal or a description that says otherwise); the message lists the signals.</exception>
    public int DefaultLead() =>
        EcgLeads.Choose(Signals.Select(s => s.Description).ToArray())
        ?? throw DataFormatException.Malformed(DescriptorFile, null,
            $"no signal is an ECG lead by its description ({SignalList()}); name the lead to use");

    /// <summary>The lead named by <paramref name="nameOrNumber"/>, or <see cref="DefaultLead"/> when it is null.</summary>
    public int ResolveLead(string? nameOrNumber) => nameOrNumber is null ? DefaultLead() : LeadIndex(nameOrNumber);

    /// <summary>"MLII (signal 0)", or just the number when the file names no lead.</summary>
    public string LeadLabel(int signal)
    {
        var description = Signals[CheckSignal(signal)].Description;
        return string.IsNullOrWhiteSpace(description)
            ? signal.ToString(CultureInfo.InvariantCulture)
            : $"{description} (signal {signal})";
    }

    /// <summary>
    /// Checks that the QRS detector can take <paramref name="signal"/>'s sampling frequency, so that a record it
    /// cannot is refused naming the file that says so, not the detector's parameter.
    /// </summary>
    /// <exception cref="DataFormatException">The signal's sampling frequency is outside the detector's range.</exception>
    public void RequireDetectableFrequency(int signal)
    {
        var fs = Signals[CheckSignal(signal)].SamplingFrequency;
        if (fs is < QrsDetector.MinimumFrequency or > QrsDetector.MaximumFrequency)
            throw DataFormatException.Malformed(DescriptorFile, FrequencyLine(signal), string.Create(CultureInfo.InvariantCulture,
                $"sampling frequency {fs} Hz of signal {signal}: beats can be detected from {QrsDetector.MinimumFrequency:0} "
                + $"to {QrsDetector.MaximumFrequency:0} Hz only"));
    }

    /// <summary>The line of <see cref="DescriptorFile"/> that gives <paramref name="signal"/>'s sampling frequency, if any.</summary>
    protected virtual int? FrequencyLine(int signal) => null;

    /// <summary>Checks a signal number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not one of <see cref="Signals"/>.</exception>
    protected int CheckSignal(int signal)
    {
        Preconditions.CheckArgumentRange(nameof(signal), signal, 0, Signals.Count - 1);
        return signal;
    }

    private string SignalList() => string.Join(", ", Signals.Select((s, i) => $"{i} = {s.Description}"));
}
