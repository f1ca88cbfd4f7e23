using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Signals;

/// <summary>
/// A WFDB record: its header and signal files, read in streaming chunks or whole, in ADC units or in physical units,
/// plus where its annotation files are. Only single-segment records are supported.
/// </summary>
public sealed class WfdbRecord : EcgRecording
{
    private const int WholeSignalChunk = 1 << 16;

    private static readonly string[] RecordExtensions = [".hea", ".dat", ".atr"];

    private readonly List<WfdbSignalGroup> _groups;

    private WfdbRecord(string recordPath, WfdbHeader header, List<WfdbSignalGroup> groups, long samplesPerSignal)
    {
        RecordPath = recordPath;
        Header = header;
        _groups = groups;
        SamplesPerSignal = samplesPerSignal;
        Signals = header.Signals
            .Select(s => new RecordingSignal(s.Description, s.Units, header.SamplingFrequency, samplesPerSignal))
            .ToArray();
    }

    /// <summary>The parsed <c>.hea</c> file.</summary>
    public WfdbHeader Header { get; }

    /// <summary>The record's path without extension, e.g. <c>…/mitdb/100</c>.</summary>
    public string RecordPath { get; }

    /// <summary>The header's count, or when it gives none, the whole frames in the shortest signal file.</summary>
    public long SamplesPerSignal { get; }

    /// <summary>Samples per second per signal, in Hz (the header's).</summary>
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
        var header = WfdbHeader.Read(heaPath);
        var folder = Path.GetDirectoryName(heaPath) ?? "";
        var groups = WfdbSignalGroup.FromHeader(header, folder);

        var samples = header.SamplesPerSignal;
        if (samples > 0) groups.ForEach(g => g.RequireFrames(samples));
        else if (groups.Count > 0) samples = groups.Min(g => g.FramesHeld());
        return new WfdbRecord(recordPath, header, groups, samples);
    }

    /// <summary>
    /// Streams all signals in physical units: each chunk is [signal][sample], <paramref name="samplesPerChunk"/>
    /// samples long except perhaps the last. Only one chunk and one file buffer per signal file are held at a time.
    /// </summary>
    /// <exception cref="DataFormatException">A signal file turns out shorter than the header says.</exception>
    public IEnumerable<float[][]> ReadChunks(int samplesPerChunk)
    {
        Preconditions.CheckArgumentRange(nameof(samplesPerChunk), samplesPerChunk, 1, int.MaxValue);
        return ReadAdcChunks(samplesPerChunk, _groups).Select(ToPhysical);
    }

    /// <inheritdoc/>
    public override IEnumerable<float[]> ReadSignalChunks(int signal, int samplesPerChunk)
    {
        var spec = Header.Signals[CheckSignal(signal)];
        Preconditions.CheckArgumentRange(nameof(samplesPerChunk), samplesPerChunk, 1, int.MaxValue);
        var group = _groups.First(g => g.Signals.Contains(signal));
        return ReadAdcChunks(samplesPerChunk, [group]).Select(chunk => Array.ConvertAll(chunk[signal], spec.ToPhysical));
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Files()
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(RecordPath))!;
        var name = Path.GetFileName(RecordPath);
        var files = new List<string> { RecordPath + ".hea" };
        files.AddRange(Header.Signals.Select(s => Path.Combine(folder, s.FileName)));
        // Annotation files are named after the record with the annotator as extension (100.atr, 100.qrs).
        if (Directory.Exists(folder)) files.AddRange(Directory.EnumerateFiles(folder, name + ".*"));
        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<WfdbAnnotation>? ReadAnnotations(int signal, string annotator = "atr")
    {
        CheckSignal(signal);
        var path = AnnotationPath(annotator);
        // A file may count time at its own resolution (sqrs writes 100s.qrs so); convert to the record's samples.
        return path is null ? null : WfdbAnnotationReader.Read(path, SamplingFrequency);
    }

    /// <inheritdoc/>
    public override string AnnotationSource(string annotator) => RecordPath + "." + annotator;

    /// <inheritdoc/>
    protected override int? FrequencyLine(int signal) => 1;

    /// <summary>One whole signal as raw ADC values.</summary>
    public int[] ReadSignalAdc(int signal)
    {
        CheckSignal(signal);
        if (SamplesPerSignal > Array.MaxLength)
            throw new InvalidOperationException(
                $"record {Header.RecordName} has {SamplesPerSignal} samples per signal, too many for one array; use {nameof(ReadChunks)}");
        var values = new int[SamplesPerSignal];
        var filled = 0;
        var group = _groups.First(g => g.Signals.Contains(signal));
        foreach (var chunk in ReadAdcChunks(WholeSignalChunk, [group]))
        {
            chunk[signal].CopyTo(values, filled);
            filled += chunk[signal].Length;
        }
        return values;
    }

    /// <summary>
    /// WFDB's checksum of each signal: the sum of all its samples, wrapped to a signed 16-bit value, as the header's
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
            if (!spec.HasChecksum) continue;
            if (SamplesPerSignal > 0 && first[s] != spec.InitialValue)
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

    private static string RecordPathOf(string path)
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
        foreach (var chunk in ReadAdcChunks(WholeSignalChunk, _groups))
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

    private float[][] ToPhysical(int[][] chunk)
    {
        var physical = new float[chunk.Length][];
        for (var s = 0; s < chunk.Length; s++) physical[s] = Array.ConvertAll(chunk[s], Header.Signals[s].ToPhysical);
        return physical;
    }

    /// <summary>Chunks of [signal][sample] ADC values; signals outside <paramref name="groups"/> come back empty.</summary>
    private IEnumerable<int[][]> ReadAdcChunks(int samplesPerChunk, List<WfdbSignalGroup> groups)
    {
        if (groups.Count == 0 || SamplesPerSignal == 0) yield break;
        var chunkLength = (int)Math.Min(samplesPerChunk, SamplesPerSignal);
        var streams = new List<WfdbSampleStream>(groups.Count);
        try
        {
            foreach (var group in groups) streams.Add(group.Open(Header));
            var frames = new int[chunkLength * groups.Max(g => g.Signals.Length)];
            for (long done = 0; done < SamplesPerSignal; done += chunkLength)
            {
                chunkLength = (int)Math.Min(chunkLength, SamplesPerSignal - done);
                var chunk = new int[Header.SignalCount][];
                Array.Fill(chunk, []);
                for (var g = 0; g < groups.Count; g++)
                {
                    var members = groups[g].Signals;
                    var interleaved = frames.AsSpan(0, chunkLength * members.Length);
                    var read = streams[g].Read(interleaved);
                    if (read < interleaved.Length)
                        throw groups[g].Truncated(streams[g].Position, SamplesPerSignal, done + read / members.Length);
                    for (var m = 0; m < members.Length; m++)
                    {
                        var values = new int[chunkLength];
                        for (var i = 0; i < chunkLength; i++) values[i] = interleaved[i * members.Length + m];
                        chunk[members[m]] = values;
                    }
                }
                yield return chunk;
            }
        }
        finally
        {
            foreach (var stream in streams) stream.Dispose();
        }
    }
}
