using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Signals;

/// <summary>
/// A multi-segment WFDB record: single-segment records (segments) played one after another, with gaps ("~"). In a
/// fixed layout every segment has the same signals; in a variable layout the first segment (length 0) is a layout header
/// that lists all signals, and each segment has some of them, matched by description. Where a segment lacks a signal,
/// or a gap covers it, the signal reads as NaN (physical) or <see cref="WfdbRecord.InvalidSample"/> (ADC). Segments
/// are opened one at a time as reading reaches them, so a missing segment is reported only when its samples are read.
/// </summary>
public sealed class WfdbMultiSegmentRecord : EcgRecording
{
    private const int GapChunk = 1 << 16;

    private readonly WfdbMultiSegmentHeader _header;
    private readonly string _folder;
    private readonly WfdbHeader _layout;
    private readonly bool _variableLayout;

    private WfdbMultiSegmentRecord(string recordPath, WfdbMultiSegmentHeader header, WfdbHeader layout, bool variableLayout)
    {
        RecordPath = recordPath;
        _header = header;
        _folder = Path.GetDirectoryName(header.File) ?? "";
        _layout = layout;
        _variableLayout = variableLayout;
        Signals = layout.Signals
            .Select(s => new RecordingSignal(
                s.Description, s.Units, header.SamplingFrequency * s.SamplesPerFrame, header.Frames * s.SamplesPerFrame))
            .ToArray();
    }

    /// <summary>The record's path without extension.</summary>
    public string RecordPath { get; }

    /// <summary>Frames in the whole record (the sum of its segments' lengths).</summary>
    public long SamplesPerSignal => _header.Frames;

    /// <summary>Frames per second, in Hz (the header's).</summary>
    public double SamplingFrequency => _header.SamplingFrequency;

    /// <summary>Segments the header lists, gaps and the layout header included.</summary>
    public int SegmentCount => _header.Segments.Count;

    /// <summary>The signal specs: the layout header's in a variable layout, else the first segment's.</summary>
    public IReadOnlyList<WfdbSignalSpec> SignalSpecs => _layout.Signals;

    /// <summary>The text of the header's '#' lines.</summary>
    public IReadOnlyList<string> Comments => _header.Comments;

    /// <inheritdoc/>
    public override string Name => _header.RecordName;

    /// <inheritdoc/>
    public override string DescriptorFile => _header.File;

    /// <inheritdoc/>
    public override IReadOnlyList<RecordingSignal> Signals { get; }

    /// <summary>
    /// Opens a multi-segment record by its header path or its path without extension; reads the layout header (or the
    /// first segment's header) for the signals, but no segment's samples.
    /// </summary>
    /// <exception cref="DataFormatException">The header, or the layout or first segment's header, is missing or malformed.</exception>
    public static new WfdbMultiSegmentRecord Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var recordPath = WfdbRecord.RecordPathOf(path);
        var header = WfdbMultiSegmentHeaderParser.Read(recordPath + ".hea");
        var folder = Path.GetDirectoryName(header.File) ?? "";
        var variable = header.Segments.Count > 0 && header.Segments[0].Frames == 0 && !header.Segments[0].IsGap;
        var first = variable ? header.Segments[0] : header.Segments.FirstOrDefault(s => !s.IsGap && s.Frames > 0);
        if (first is null)
            throw DataFormatException.Malformed(header.File, null, "no segment has samples, so the record's signals are unknown");
        var layout = ReadSegmentHeader(header, folder, first);
        if (layout.SignalCount != header.SignalCount)
            throw DataFormatException.Malformed(header.File, first.Line,
                $"segment {first.Name} has {layout.SignalCount} signals, the record line declares {header.SignalCount}");
        return new WfdbMultiSegmentRecord(recordPath, header, layout, variable);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Every sample of the signal, at its own rate, converted with each segment's own gain and baseline (as wfdb-python
    /// does; WFDB 10.5.24's rdsamp applies the layout header's); NaN where a segment lacks the signal or a gap covers it.
    /// </remarks>
    public override IEnumerable<float[]> ReadSignalChunks(int signal, int samplesPerChunk) =>
        ReadSignalChunks(signal, samplesPerChunk, 0);

    /// <summary>
    /// As <see cref="ReadSignalChunks(int, int)"/>, from sample <paramref name="fromSample"/> of the signal on; segments
    /// before it are not opened.
    /// </summary>
    /// <exception cref="DataFormatException">A segment reached is missing, malformed, or other than the header says.</exception>
    public IEnumerable<float[]> ReadSignalChunks(int signal, int samplesPerChunk, long fromSample)
    {
        CheckSignal(signal);
        Preconditions.CheckArgumentRange(nameof(samplesPerChunk), samplesPerChunk, 1, int.MaxValue);
        return Chunks.Recut(Pieces(signal, samplesPerChunk, fromSample, float.NaN,
            (record, s, n, from) => record.ReadSignalAdcChunks(s, n, from)
                .Select(chunk => Array.ConvertAll(chunk, WfdbRecord.PhysicalOf(record.Header.Signals[s])))), samplesPerChunk);
    }

    /// <summary>
    /// One signal in ADC units, every sample, in chunks, from sample <paramref name="fromSample"/> on: each segment's own
    /// values (in its own gain and baseline), <see cref="WfdbRecord.InvalidSample"/> where a segment lacks the signal or a
    /// gap covers it.
    /// </summary>
    /// <exception cref="DataFormatException">A segment reached is missing, malformed, or other than the header says.</exception>
    public IEnumerable<int[]> ReadSignalAdcChunks(int signal, int samplesPerChunk, long fromSample = 0)
    {
        CheckSignal(signal);
        Preconditions.CheckArgumentRange(nameof(samplesPerChunk), samplesPerChunk, 1, int.MaxValue);
        return Chunks.Recut(Pieces(signal, samplesPerChunk, fromSample, WfdbRecord.InvalidSample,
            (record, s, n, from) => record.ReadSignalAdcChunks(s, n, from)), samplesPerChunk);
    }

    /// <inheritdoc/>
    /// <remarks>The header, and each segment's header and signal files where the segment's header is present.</remarks>
    public override IReadOnlyList<string> Files()
    {
        var files = new List<string> { _header.File };
        foreach (var segment in _header.Segments.Where(s => !s.IsGap))
        {
            var heaPath = SegmentHeaderPath(_header, _folder, segment);
            files.Add(heaPath);
            if (!File.Exists(heaPath)) continue;
            var header = WfdbHeader.Read(heaPath);
            files.AddRange(header.Signals.Where(s => s.Format != 0).Select(s => Path.Combine(_folder, s.FileName)));
        }
        var name = Path.GetFileName(RecordPath);
        if (Directory.Exists(_folder)) files.AddRange(Directory.EnumerateFiles(_folder, name + ".*"));
        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<WfdbAnnotation>? ReadAnnotations(int signal, string annotator = "atr")
    {
        CheckSignal(signal);
        ArgumentException.ThrowIfNullOrWhiteSpace(annotator);
        var path = AnnotationSource(annotator);
        if (!File.Exists(path)) return null;
        return WfdbAnnotationTimes.InSignalSamples(path, Signals[signal], SamplingFrequency);
    }

    /// <inheritdoc/>
    public override string AnnotationSource(string annotator) => RecordPath + "." + annotator;

    /// <inheritdoc/>
    protected override int? FrequencyLine(int signal) => 1;

    private IEnumerable<T[]> Pieces<T>(int signal, int samplesPerChunk, long fromSample, T fill,
        Func<WfdbRecord, int, int, long, IEnumerable<T[]>> read)
    {
        var spf = _layout.Signals[signal].SamplesPerFrame;
        var start = 0L;
        foreach (var segment in _header.Segments)
        {
            var length = segment.Frames * spf;
            var end = start + length;
            if (end <= fromSample || length == 0)
            {
                start = end;
                continue;
            }
            var from = Math.Max(0, fromSample - start);
            var (record, member) = segment.IsGap ? (null, -1) : OpenSegment(segment, signal);
            var produced = from;
            if (record is not null && member >= 0)
            {
                foreach (var piece in read(record, member, samplesPerChunk, from))
                {
                    var take = (int)Math.Min(piece.Length, length - produced);
                    yield return take == piece.Length ? piece : piece[..take];
                    produced += take;
                    if (produced >= length) break;
                }
            }
            // A gap, a signal the segment lacks, or the frames a skewed signal lacks at the segment's end.
            while (produced < length)
            {
                var n = (int)Math.Min(GapChunk, length - produced);
                var piece = new T[n];
                Array.Fill(piece, fill);
                yield return piece;
                produced += n;
            }
            start = end;
        }
    }

    /// <summary>The segment's record and the number of <paramref name="signal"/> in it (-1 when it lacks it).</summary>
    private (WfdbRecord Record, int Member) OpenSegment(WfdbSegment segment, int signal)
    {
        var heaPath = SegmentHeaderPath(_header, _folder, segment);
        var header = ReadSegmentHeader(_header, _folder, segment);
        var record = WfdbRecord.OpenParsed(heaPath[..^".hea".Length], header);
        if (record.StoredFrames != segment.Frames)
            throw DataFormatException.Malformed(_header.File, segment.Line,
                $"segment {segment.Name} is listed with {segment.Frames} samples but holds {record.StoredFrames}");
        var wanted = _layout.Signals[signal];
        int member;
        if (_variableLayout)
        {
            member = -1;
            for (var i = 0; i < header.SignalCount && member < 0; i++)
                if (string.Equals(header.Signals[i].Description.Trim(), wanted.Description.Trim(), StringComparison.Ordinal)) member = i;
        }
        else
        {
            if (header.SignalCount != _layout.SignalCount)
                throw DataFormatException.Malformed(header.File, null,
                    $"has {header.SignalCount} signals, but a fixed-layout record's segments all have {_layout.SignalCount}");
            member = signal;
        }
        if (member >= 0 && header.Signals[member].SamplesPerFrame != wanted.SamplesPerFrame)
            throw DataFormatException.Malformed(header.File, header.SignalLines[member],
                $"signal {wanted.Description} has {header.Signals[member].SamplesPerFrame} samples per frame here, "
                + $"{wanted.SamplesPerFrame} in the record's first segment or layout; segments that differ are not supported");
        return (record, member);
    }

    private static WfdbHeader ReadSegmentHeader(WfdbMultiSegmentHeader header, string folder, WfdbSegment segment)
    {
        var path = SegmentHeaderPath(header, folder, segment);
        if (WfdbMultiSegmentHeaderParser.IsMultiSegment(path))
            throw DataFormatException.Malformed(header.File, segment.Line, $"segment {segment.Name} is itself a multi-segment record");
        return WfdbHeader.Read(path);
    }

    private static string SegmentHeaderPath(WfdbMultiSegmentHeader header, string folder, WfdbSegment segment) =>
        // A segment is named by the header like a signal file is: it must be a header in the record's folder.
        ContainedFile.Resolve(folder, segment.Name + ".hea", header.File, segment.Line, "the segment header");
}
