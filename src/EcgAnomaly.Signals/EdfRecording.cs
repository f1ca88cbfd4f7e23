using System.Buffers.Binary;
using System.Globalization;
using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Signals;

/// <summary>
/// An EDF or EDF+ file (and its 24-bit twins BDF and BDF+): each ordinary signal at its own rate, voltages in mV, read
/// one data record at a time; the EDF+ annotation signals are not among <see cref="Signals"/> but parsed into
/// <see cref="ReadTimeline"/>. EDF+D (discontinuous) files are read with their records joined end to end: the gaps
/// between them are in <see cref="EdfTimeline.RecordStarts"/>, not in the samples.
/// </summary>
public sealed class EdfRecording : EcgRecording
{
    private readonly int[] _fileSignal;
    private readonly double[] _scale;
    private EdfTimeline? _timeline;

    private EdfRecording(string path, EdfHeader header)
    {
        Path = path;
        Header = header;
        var ordinary = Enumerable.Range(0, header.Signals.Count).Where(s => !header.Signals[s].IsAnnotation).ToArray();
        _fileSignal = ordinary;
        _scale = new double[ordinary.Length];
        var signals = new RecordingSignal[ordinary.Length];
        for (var i = 0; i < ordinary.Length; i++)
        {
            var spec = header.Signals[ordinary[i]];
            var toMillivolts = EdfUnits.ToMillivolts(spec.PhysicalDimension);
            _scale[i] = toMillivolts ?? 1;
            signals[i] = new RecordingSignal(spec.Label, toMillivolts is null ? spec.PhysicalDimension : EdfUnits.Millivolts,
                header.SamplingFrequency(ordinary[i]), header.DataRecords * spec.SamplesPerRecord);
        }
        Signals = signals;
    }

    /// <summary>The file's path as given.</summary>
    public string Path { get; }

    /// <summary>The parsed header, annotation signals included.</summary>
    public EdfHeader Header { get; }

    /// <inheritdoc/>
    public override string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <inheritdoc/>
    public override string DescriptorFile => Path;

    /// <summary>The ordinary signals, annotation signals left out; voltages (nV, uV, µV, mV, V, kV) are in mV.</summary>
    public override IReadOnlyList<RecordingSignal> Signals { get; }

    /// <summary>Opens an EDF, EDF+, BDF or BDF+ file and checks its header and length.</summary>
    /// <exception cref="DataFormatException">The file is missing, not a regular file, malformed or shorter than its header
    /// says.</exception>
    public static new EdfRecording Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new EdfRecording(path, EdfHeaderParser.Read(path));
    }

    /// <summary>The header of <see cref="Signals"/>[<paramref name="signal"/>] as the file gives it (units before conversion).</summary>
    public EdfSignalHeader SignalHeader(int signal) => Header.Signals[_fileSignal[CheckSignal(signal)]];

    /// <summary>One digital step of <paramref name="signal"/> in its presented units (<see cref="RecordingSignal.Units"/>).</summary>
    public double Step(int signal) => Math.Abs(SignalHeader(signal).Step * _scale[signal]);

    /// <inheritdoc/>
    public override IEnumerable<float[]> ReadSignalChunks(int signal, int samplesPerChunk)
    {
        CheckSignal(signal);
        Preconditions.CheckArgumentRange(nameof(samplesPerChunk), samplesPerChunk, 1, int.MaxValue);
        return Chunks(signal, samplesPerChunk);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Files() => [Path];

    /// <summary>
    /// The data records' start times and the annotations of the EDF+ annotation signals, read through the whole file
    /// once (one record's annotation bytes at a time) and then kept.
    /// </summary>
    /// <exception cref="DataFormatException">A TAL is malformed, or there are more than
    /// <see cref="InputLimits.MaxEdfAnnotations"/> annotations or records to list.</exception>
    public EdfTimeline ReadTimeline() => _timeline ??= EdfTimelineReader.Read(Header);

    /// <summary>
    /// The EDF+ annotations whose text is a WFDB beat or rhythm mnemonic ("N", "V", "A", "+", ...), as WFDB
    /// annotations at <paramref name="signal"/>'s samples (onset × its rate, across EDF+D gaps by each record's start);
    /// null when no annotation text is a WFDB beat label. <paramref name="annotator"/> does not apply: EDF+ keeps its
    /// annotations in the file.
    /// </summary>
    /// <exception cref="DataFormatException">The annotation signal is malformed.</exception>
    public override IReadOnlyList<WfdbAnnotation>? ReadAnnotations(int signal, string annotator = "atr")
    {
        CheckSignal(signal);
        if (!Header.IsPlus) return null;
        var timeline = ReadTimeline();
        var fs = Signals[signal].SamplingFrequency;
        var perRecord = SignalHeader(signal).SamplesPerRecord;
        var annotations = new List<WfdbAnnotation>();
        foreach (var a in timeline.Annotations)
        {
            if (AnnotationCodes.FromSymbol(a.Text.Trim()) is not { } code) continue;
            var sample = SampleAt(timeline.RecordStarts, a.Onset, fs, perRecord);
            // An onset before the first record or after the last has no sample to stand for.
            if (sample < 0 || sample >= Signals[signal].SampleCount) continue;
            annotations.Add(new WfdbAnnotation(sample, code, AnnotationCodes.Symbol(code), 0, 0, 0, null));
        }
        return annotations.Any(a => a.IsBeat) ? annotations.OrderBy(a => a.Sample).ToArray() : null;
    }

    /// <summary>The sample of an onset: in the last record starting at or before it, plus the time since that start.</summary>
    private static long SampleAt(IReadOnlyList<double> starts, double onset, double fs, int perRecord)
    {
        int low = 0, high = starts.Count - 1, record = 0;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (starts[middle] <= onset) (record, low) = (middle, middle + 1);
            else high = middle - 1;
        }
        var since = starts.Count == 0 ? onset : onset - starts[record];
        return (long)record * perRecord + (long)Math.Round(since * fs);
    }

    private IEnumerable<float[]> Chunks(int signal, int samplesPerChunk)
    {
        var fileSignal = _fileSignal[signal];
        var spec = Header.Signals[fileSignal];
        var total = Signals[signal].SampleCount;
        if (total == 0) yield break;
        var scale = _scale[signal];
        var width = Header.BytesPerSample;
        var bytes = new byte[spec.SamplesPerRecord * width];
        var chunk = new float[Math.Min(samplesPerChunk, total)];
        var filled = 0;
        long done = 0;
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        for (long record = 0; record < Header.DataRecords; record++)
        {
            var offset = Header.SampleOffset(record, fileSignal);
            stream.Seek(offset, SeekOrigin.Begin);
            if (stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) < bytes.Length)
                throw DataFormatException.Malformed(Path, null, string.Create(CultureInfo.InvariantCulture,
                    $"byte {offset}: truncated: data record {record} of {Header.DataRecords} ends past the end of the file"));
            for (var i = 0; i < spec.SamplesPerRecord; i++)
            {
                var digital = width == 2
                    ? BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(2 * i))
                    : (bytes[3 * i] | (bytes[3 * i + 1] << 8) | ((sbyte)bytes[3 * i + 2] << 16));
                chunk[filled++] = (float)(spec.ToPhysical(digital) * scale);
                if (filled < chunk.Length) continue;
                yield return chunk;
                done += filled;
                filled = 0;
                chunk = new float[Math.Min(samplesPerChunk, total - done)];
                if (chunk.Length == 0) yield break;
            }
        }
    }
}
