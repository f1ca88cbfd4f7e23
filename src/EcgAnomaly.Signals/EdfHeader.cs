namespace EcgAnomaly.Signals;

/// <summary>
/// The header of an EDF, EDF+, BDF or BDF+ file: the 256 bytes of the file's fields, then 256 bytes per signal, with
/// the number of data records resolved (-1, "unknown", becomes the number of whole records the file holds).
/// </summary>
public sealed class EdfHeader
{
    /// <summary>The label of an EDF+ annotation signal.</summary>
    public const string AnnotationLabel = "EDF Annotations";

    /// <summary>The label of a BDF+ annotation signal.</summary>
    public const string BdfAnnotationLabel = "BDF Annotations";

    internal EdfHeader(
        string file, bool isBdf, string[] fields, long dataRecords, double recordDuration, IReadOnlyList<EdfSignalHeader> signals)
    {
        File = file;
        IsBdf = isBdf;
        PatientId = fields[0];
        RecordingId = fields[1];
        StartDate = fields[2];
        StartTime = fields[3];
        Reserved = fields[4];
        DataRecords = dataRecords;
        RecordDuration = recordDuration;
        Signals = signals;
        BytesPerSample = isBdf ? 3 : 2;
        var offsets = new long[signals.Count];
        long offset = 0;
        for (var s = 0; s < signals.Count; s++)
        {
            offsets[s] = offset;
            offset += (long)signals[s].SamplesPerRecord * BytesPerSample;
        }
        SignalOffsets = offsets;
        RecordBytes = offset;
    }

    /// <summary>The file the header was read from.</summary>
    public string File { get; }

    /// <summary>True for BDF (24-bit samples, version byte 0xFF "BIOSEMI"), false for EDF (16-bit samples).</summary>
    public bool IsBdf { get; }

    /// <summary>The local patient identification field (EDF+: code, sex, birthdate, name).</summary>
    public string PatientId { get; }

    /// <summary>The local recording identification field (EDF+: "Startdate dd-MMM-yyyy ...").</summary>
    public string RecordingId { get; }

    /// <summary>The start date field, dd.mm.yy as written.</summary>
    public string StartDate { get; }

    /// <summary>The start time field, hh.mm.ss as written.</summary>
    public string StartTime { get; }

    /// <summary>The reserved field: "EDF+C" or "EDF+D" (BDF+: "BDF+C", "BDF+D") for EDF+, else usually empty.</summary>
    public string Reserved { get; }

    /// <summary>True for EDF+ and BDF+ files (the reserved field says so).</summary>
    public bool IsPlus => Reserved.StartsWith("EDF+", StringComparison.Ordinal) || Reserved.StartsWith("BDF+", StringComparison.Ordinal);

    /// <summary>True for EDF+D and BDF+D: data records may have gaps between them (the annotation signal says when each starts).</summary>
    public bool IsDiscontinuous => IsPlus && Reserved.Length > 4 && Reserved[4] == 'D';

    /// <summary>Data records in the file: the header's number, or when it gives -1, the whole records the file holds.</summary>
    public long DataRecords { get; }

    /// <summary>Seconds per data record (0 only in a file of annotations alone).</summary>
    public double RecordDuration { get; }

    /// <summary>Every signal in file order, annotation signals included.</summary>
    public IReadOnlyList<EdfSignalHeader> Signals { get; }

    /// <summary>Bytes of the header: 256 plus 256 per signal.</summary>
    public long HeaderBytes => 256L * (Signals.Count + 1);

    /// <summary>Bytes per sample: 2 for EDF, 3 for BDF.</summary>
    public int BytesPerSample { get; }

    /// <summary>Bytes of one data record (all signals' samples).</summary>
    public long RecordBytes { get; }

    /// <summary>Byte offset of each signal's samples inside a data record.</summary>
    public IReadOnlyList<long> SignalOffsets { get; }

    /// <summary>Samples per second of signal <paramref name="signal"/> (samples per record / record duration).</summary>
    public double SamplingFrequency(int signal) =>
        RecordDuration > 0 ? Signals[signal].SamplesPerRecord / RecordDuration : 0;

    /// <summary>Byte offset in the file of signal <paramref name="signal"/>'s samples in data record <paramref name="record"/>.</summary>
    public long SampleOffset(long record, int signal) => HeaderBytes + record * RecordBytes + SignalOffsets[signal];
}
