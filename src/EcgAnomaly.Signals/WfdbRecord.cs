using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Signals;

/// <summary>
/// A single-segment WFDB record: its header and signal files, read in streaming chunks or whole, in ADC units or in
/// physical units, plus where its annotation files are. Skewed signals are read as WFDB reads them (sample t from frame
/// t + skew), and a signal with several samples per frame is, per signal, read at its own rate (every sample) and, frame
/// by frame, as their mean. Multi-segment records are <see cref="WfdbMultiSegmentRecord"/>s; <see cref="OpenRecording"/>
/// opens either.
/// </summary>
public sealed class WfdbRecord : EcgRecording
{
    /// <summary>
    /// WFDB's invalid sample (WFDB_INVALID_SAMPLE, -32768) as rdsamp prints it: the ADC value of a null signal (format 0)
    /// and of a multi-segment record's signal where a segment lacks it or a gap covers it. A value stored in a signal file
    /// is returned as stored; in physical units, the format's lowest value (e.g. -2048 in 212) is NaN, as rdsamp's "-".
    /// </summary>
    public const int InvalidSample = short.MinValue;

    private const int WholeSignalChunk = 1 << 16;

    // Frames decoded at once for one signal: a bound on the buffer when frames are long (many signals, many samples each).
    private const int ChunkSampleBudget = 1 << 20;

    private static readonly string[] RecordExtensions = [".hea", ".dat", ".atr"];

    private readonly List<WfdbSignalGroup> _groups;
    private readonly long[] _signalFrames;

    private WfdbRecord(string recordPath, WfdbHeader header, List<WfdbSignalGroup> groups, long storedFrames, long[] signalFrames)
    {
        RecordPath = recordPath;
        Header = header;
        _groups = groups;
        StoredFrames = storedFrames;
        _signalFrames = signalFrames;
        SamplesPerSignal = signalFrames.Length == 0 ? storedFrames : signalFrames.Min();
        Signals = header.Signals
            .Select((s, i) => new RecordingSignal(
                s.Description, s.Units, header.SamplingFrequency * s.SamplesPerFrame, signalFrames[i] * s.SamplesPerFrame))
            .ToArray();
    }

    /// <summary>The parsed <c>.hea</c> file.</summary>
    public WfdbHeader Header { get; }

    /// <summary>The record's path without extension, e.g. <c>…/mitdb/100</c>.</summary>
    public string RecordPath { get; }

    /// <summary>
    /// Frames that every signal has, which <see cref="ReadChunks"/> reads: the header's count (or when it gives none, the
    /// whole frames in the shortest signal file), less the largest skew where the files hold no frames beyond it, as
    /// rdsamp stops there. A signal's own length is in <see cref="EcgRecording.Signals"/>.
    /// </summary>
    public long SamplesPerSignal { get; }

    /// <summary>Frames stored in the signal files (the header's count), which the header's checksums cover.</summary>
    public long StoredFrames { get; }

    /// <summary>Frames per second, in Hz (the header's); a signal with N samples per frame is sampled N times as fast.</summary>
    public double SamplingFrequency => Header.SamplingFrequency;

    /// <inheritdoc/>
    public override string Name => Header.RecordName;

    /// <inheritdoc/>
    public override string DescriptorFile => Header.File;

    /// <inheritdoc/>
    public override IReadOnlyList<RecordingSignal> Signals { get; }

    /// <summary>
    /// Opens a record from its header path, its path without extension, or the path of its .dat or .atr file.
    /// Checks that every signal file exists and holds the samples the header promises.
    /// </summary>
    /// <exception cref="DataFormatException">A file is missing, malformed or truncated.</exception>
    public static new WfdbRecord Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var recordPath = RecordPathOf(path);
        var heaPath = recordPath + ".hea";
        return OpenParsed(recordPath, WfdbHeader.Read(heaPath));
    }

    /// <summary>
    /// Opens a WFDB record of either kind: a <see cref="WfdbRecord"/>, or a <see cref="WfdbMultiSegmentRecord"/> when the
    /// header lists segments. Takes the same paths as <see cref="Open(string)"/>.
    /// </summary>
    /// <exception cref="DataFormatException">A file is missing, malformed or truncated.</exception>
    public static EcgRecording OpenRecording(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var recordPath = RecordPathOf(path);
        return WfdbMultiSegmentHeaderParser.IsMultiSegment(recordPath + ".hea")
            ? WfdbMultiSegmentRecord.Open(recordPath + ".hea")
            : OpenParsed(recordPath, WfdbHeader.Read(recordPath + ".hea"));
    }

    /// <summary>Opens the record of a parsed header (a segment of a multi-segment record is opened so).</summary>
    internal static WfdbRecord OpenParsed(string recordPath, WfdbHeader header)
    {
        var folder = Path.GetDirectoryName(header.File) ?? "";
        var groups = WfdbSignalGroup.FromHeader(header, folder);
        var stored = header.SamplesPerSignal;
        if (stored > 0) groups.ForEach(g => g.RequireFrames(stored));
        else if (groups.Any(g => !g.IsNull)) stored = groups.Where(g => !g.IsNull).Min(g => g.FramesHeld());
        if (groups.All(g => g.IsNull) && stored * header.SignalCount > InputLimits.MaxNullRecordSamples)
            throw DataFormatException.Malformed(header.File, 1,
                $"a record of null signals only (format 0, no signal file) may hold at most {InputLimits.MaxNullRecordSamples:N0} "
                + $"samples in all; this one claims {stored:N0} x {header.SignalCount}");

        // A skewed signal ends where its file does: WFDB reads it skew frames ahead, and there are no frames to read.
        var signalFrames = new long[header.SignalCount];
        foreach (var group in groups)
        {
            var held = group.FramesHeld();
            foreach (var s in group.Signals) signalFrames[s] = Math.Clamp(held - header.Signals[s].Skew, 0, stored);
        }
        return new WfdbRecord(recordPath, header, groups, stored, signalFrames);
    }

    /// <summary>
    /// Streams all signals in physical units, frame by frame: each chunk is [signal][frame], <paramref name="samplesPerChunk"/>
    /// frames long except perhaps the last, <see cref="SamplesPerSignal"/> frames in all. A signal with several samples
    /// per frame gives their mean (see <see cref="ReadChunksAdc"/>). Only one chunk and one file buffer per signal file
    /// (and per distinct skew in it) are held at a time.
    /// </summary>
    /// <exception cref="DataFormatException">A signal file turns out shorter than the header says.</exception>
    public IEnumerable<float[][]> ReadChunks(int samplesPerChunk) => ReadChunksAdc(samplesPerChunk).Select(ToPhysical);

    /// <summary>
    /// Streams all signals in ADC units, frame by frame, as WFDB's getvec does by default: a signal with several samples
    /// per frame gives their mean truncated toward zero, or the format's invalid value when one of them is invalid.
    /// </summary>
    /// <exception cref="DataFormatException">A signal file turns out shorter than the header says.</exception>
    public IEnumerable<int[][]> ReadChunksAdc(int samplesPerChunk)
    {
        Preconditions.CheckArgumentRange(nameof(samplesPerChunk), samplesPerChunk, 1, int.MaxValue);
        var all = Enumerable.Range(0, Header.SignalCount).ToArray();
        return WfdbFrameReader.Read(Header, _groups, all, 0, SamplesPerSignal, samplesPerChunk, applySkew: true).Select(FrameMeans);
    }

    /// <inheritdoc/>
    /// <remarks>A signal with N samples per frame gives all of them, at N times <see cref="SamplingFrequency"/>.</remarks>
    public override IEnumerable<float[]> ReadSignalChunks(int signal, int samplesPerChunk)
    {
        var toPhysical = PhysicalOf(Header.Signals[CheckSignal(signal)]);
        return ReadSignalAdcChunks(signal, samplesPerChunk).Select(chunk => Array.ConvertAll(chunk, toPhysical));
    }

    /// <summary>
    /// Streams one signal in ADC units, every sample (<see cref="EcgRecording.Signals"/> gives its rate and length), in chunks
    /// of <paramref name="samplesPerChunk"/> samples (the last may be shorter).
    /// </summary>
    /// <exception cref="DataFormatException">A signal file turns out shorter than the header says.</exception>
    public IEnumerable<int[]> ReadSignalAdcChunks(int signal, int samplesPerChunk) => ReadSignalAdcChunks(signal, samplesPerChunk, 0);

    /// <summary>As <see cref="ReadSignalAdcChunks(int, int)"/>, from sample <paramref name="fromSample"/> of the signal on.</summary>
    internal IEnumerable<int[]> ReadSignalAdcChunks(int signal, int samplesPerChunk, long fromSample)
    {
        CheckSignal(signal);
        Preconditions.CheckArgumentRange(nameof(samplesPerChunk), samplesPerChunk, 1, int.MaxValue);
        var spf = Header.Signals[signal].SamplesPerFrame;
        var group = _groups.First(g => g.Signals.Contains(signal));
        var firstFrame = Math.Min(fromSample / spf, _signalFrames[signal]);
        // Whole chunks of frames when they fit the budget, so that the pieces need no re-cutting.
        var frames = (int)Math.Clamp(Math.Min((long)samplesPerChunk / spf, ChunkSampleBudget / group.FrameLength), 1, int.MaxValue);
        var pieces = WfdbFrameReader
            .Read(Header, [group], [signal], firstFrame, _signalFrames[signal] - firstFrame, frames, applySkew: true)
            .Select(chunk => chunk[signal]);
        return Chunks.Recut(pieces, samplesPerChunk, fromSample - firstFrame * spf);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Files()
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(RecordPath))!;
        var name = Path.GetFileName(RecordPath);
        var files = new List<string> { RecordPath + ".hea" };
        // A null signal (format 0) names no file ("~", "*").
        files.AddRange(Header.Signals.Where(s => s.Format != 0).Select(s => Path.Combine(folder, s.FileName)));
        // Annotation files are named after the record with the annotator as extension (100.atr, 100.qrs).
        if (Directory.Exists(folder)) files.AddRange(Directory.EnumerateFiles(folder, name + ".*"));
        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The file counts frames (or, after a "## time resolution" note, its own rate); times are converted to the signal's
    /// samples, so for a signal with N samples per frame a frame's time is multiplied by N.
    /// </remarks>
    public override IReadOnlyList<WfdbAnnotation>? ReadAnnotations(int signal, string annotator = "atr")
    {
        CheckSignal(signal);
        var path = AnnotationPath(annotator);
        if (path is null) return null;
        return WfdbAnnotationTimes.InSignalSamples(path, Signals[signal], SamplingFrequency);
    }

    /// <inheritdoc/>
    public override string AnnotationSource(string annotator) => RecordPath + "." + annotator;

    /// <inheritdoc/>
    protected override int? FrequencyLine(int signal) => 1;

    /// <summary>One whole signal as raw ADC values, every sample (see <see cref="ReadSignalAdcChunks(int, int)"/>).</summary>
    /// <exception cref="InvalidOperationException">The signal is too long for one array.</exception>
    public int[] ReadSignalAdc(int signal)
    {
        var length = Signals[CheckSignal(signal)].SampleCount;
        if (length > Array.MaxLength)
            throw new InvalidOperationException(
                $"record {Header.RecordName} has {length} samples in signal {signal}, too many for one array; use {nameof(ReadSignalAdcChunks)}");
        var values = new int[length];
        var filled = 0;
        foreach (var chunk in ReadSignalAdcChunks(signal, WholeSignalChunk))
        {
            chunk.CopyTo(values, filled);
            filled += chunk.Length;
        }
        return values;
    }

    /// <summary>
    /// WFDB's checksum of each signal: the sum of all its stored samples (every sample of every frame), wrapped to a signed 16-bit value, as the header's
    /// checksum field holds it.
    /// </summary>
    public IReadOnlyList<int> ComputeChecksums() => Scan().Checksums;

    /// <summary>Checks each signal's first sample and checksum against the header, where the header gives them.</summary>
    /// <exception cref="DataFormatException">A value differs; the message names the header line of the signal.</exception>
    public void VerifyChecksums()
    {
        var (checksums, first) = Scan();
        for (var s = 0; s < Header.SignalCount; s++)
        {
            var spec = Header.Signals[s];
            // A null signal (format 0) has no samples to sum, as WFDB's getvec knows.
            if (!spec.HasChecksum || spec.Format == 0) continue;
            if (StoredFrames > 0 && first[s] != spec.InitialValue)
                throw DataFormatException.Malformed(Header.File, Header.SignalLines[s],
                    $"signal {s} ({spec.Description}): the header gives initial value {spec.InitialValue}, "
                    + $"{spec.FileName} starts with {first[s]}");
            // WFDB keeps the low 16 bits; some writers print them unsigned (43172 for -22364).
            if (checksums[s] != (short)spec.Checksum)
                throw DataFormatException.Malformed(Header.File, Header.SignalLines[s],
                    $"signal {s} ({spec.Description}): the header gives checksum {spec.Checksum}, "
                    + $"the samples in {spec.FileName} sum to {checksums[s]}");
        }
    }

    /// <summary>The record's annotation file for <paramref name="annotator"/> (e.g. "atr"), or null when there is none.</summary>
    public string? AnnotationPath(string annotator = "atr")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(annotator);
        var path = RecordPath + "." + annotator;
        return File.Exists(path) ? path : null;
    }

    internal static string RecordPathOf(string path)
    {
        var extension = Path.GetExtension(path);
        if (RecordExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) return path[..^extension.Length];
        // Another annotator's file (100.qrs) also names its record, unless the dot is part of the record name.
        if (extension.Length > 0 && !File.Exists(path + ".hea") && File.Exists(Path.ChangeExtension(path, ".hea")))
            return path[..^extension.Length];
        return path;
    }

    private (int[] Checksums, int[] First) Scan()
    {
        var sums = new int[Header.SignalCount];
        var first = new int[Header.SignalCount];
        var atStart = true;
        var all = Enumerable.Range(0, Header.SignalCount).ToArray();
        // Over the stored frames, skew not applied: WFDB sums each signal as it reads it from the file.
        foreach (var chunk in WfdbFrameReader.Read(Header, _groups, all, 0, StoredFrames, WholeSignalChunk / 16, applySkew: false))
        {
            for (var s = 0; s < sums.Length; s++)
            {
                if (atStart) first[s] = chunk[s][0];
                // int arithmetic wraps, and the low 16 bits of the sum are all the checksum keeps.
                foreach (var value in chunk[s]) sums[s] += value;
            }
            atStart = false;
        }
        return (Array.ConvertAll(sums, sum => (int)(short)sum), first);
    }

    private int[][] FrameMeans(int[][] chunk)
    {
        for (var s = 0; s < chunk.Length; s++)
        {
            var spf = Header.Signals[s].SamplesPerFrame;
            if (spf == 1) continue;
            var invalid = WfdbFormats.InvalidSample(Header.Signals[s].Format);
            var means = new int[chunk[s].Length / spf];
            for (var f = 0; f < means.Length; f++)
            {
                long sum = 0;
                var valid = true;
                foreach (var value in chunk[s].AsSpan(f * spf, spf))
                {
                    valid &= value != invalid;
                    sum += value;
                }
                means[f] = valid ? (int)(sum / spf) : invalid!.Value;
            }
            chunk[s] = means;
        }
        return chunk;
    }

    private float[][] ToPhysical(int[][] chunk)
    {
        var physical = new float[chunk.Length][];
        for (var s = 0; s < chunk.Length; s++) physical[s] = Array.ConvertAll(chunk[s], PhysicalOf(Header.Signals[s]));
        return physical;
    }

    /// <summary>The physical value of an ADC value of <paramref name="spec"/>'s signal; a null signal's are NaN (no value).</summary>
    /// <remarks>The format's invalid value (WFDB_INVALID_SAMPLE to getvec) is NaN too, as rdsamp prints "-" for it.</remarks>
    internal static Converter<int, float> PhysicalOf(WfdbSignalSpec spec)
    {
        if (spec.Format == 0) return _ => float.NaN;
        var invalid = WfdbFormats.InvalidSample(spec.Format);
        return adc => adc == invalid ? float.NaN : spec.ToPhysical(adc);
    }
}
