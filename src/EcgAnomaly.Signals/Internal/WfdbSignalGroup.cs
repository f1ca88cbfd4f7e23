namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// The signals stored in one signal file: their samples are interleaved, one frame holding one sample of each, and
/// they share the file's format and byte offset (WFDB takes both from the group's first signal).
/// </summary>
internal sealed class WfdbSignalGroup
{
    private WfdbSignalGroup(string path, int format, long byteOffset, int[] signals)
    {
        Path = path;
        Format = format;
        ByteOffset = byteOffset;
        Signals = signals;
    }

    public string Path { get; }

    public int Format { get; }

    public long ByteOffset { get; }

    /// <summary>Indices into the header's signals, in frame order.</summary>
    public int[] Signals { get; }

    public static List<WfdbSignalGroup> FromHeader(WfdbHeader header, string folder)
    {
        var groups = new List<WfdbSignalGroup>();
        foreach (var name in header.Signals.Select(s => s.FileName).Distinct())
        {
            var members = Enumerable.Range(0, header.SignalCount).Where(i => header.Signals[i].FileName == name).ToArray();
            var first = header.Signals[members[0]];
            foreach (var i in members.Skip(1))
            {
                if (header.Signals[i].Format != first.Format)
                    throw DataFormatException.Malformed(header.File, header.SignalLines[i],
                        $"signal {i} is in format {header.Signals[i].Format} but shares {name} with signal {members[0]} "
                        + $"in format {first.Format}");
            }
            // The header names its signal files; they must be regular files beside it (not /etc/passwd, ../, a FIFO).
            var path = ContainedFile.Resolve(folder, name, header.File, header.SignalLines[members[0]], "the signal file");
            groups.Add(new WfdbSignalGroup(path, first.Format, first.ByteOffset, members));
        }
        return groups;
    }

    /// <summary>Whole frames the file holds after its byte offset.</summary>
    public long FramesHeld()
    {
        if (!File.Exists(Path)) throw DataFormatException.MissingFile(Path);
        var bytes = Math.Max(0, new FileInfo(Path).Length - ByteOffset);
        return WfdbFormats.SamplesIn(Format, bytes) / Signals.Length;
    }

    /// <exception cref="DataFormatException">The file holds fewer than <paramref name="frames"/> frames.</exception>
    public void RequireFrames(long frames)
    {
        var held = FramesHeld();
        if (held < frames) throw Truncated(new FileInfo(Path).Length, frames, held);
    }

    public DataFormatException Truncated(long byteOffset, long expectedFrames, long heldFrames) =>
        DataFormatException.Malformed(Path, null,
            $"byte {byteOffset}: truncated: expected {expectedFrames} samples per signal, file holds {heldFrames}");

    public WfdbSampleStream Open(WfdbHeader header) =>
        new(Path, Format, ByteOffset, Array.ConvertAll(Signals, i => header.Signals[i].InitialValue));
}
