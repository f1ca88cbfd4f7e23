namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// The signals stored in one signal file: their samples are interleaved, one frame holding one sample of each, and
/// they share the file's format and byte offset (WFDB takes both from the group's first signal). A signal with several
/// samples per frame stores them one after another in its place in the frame.
/// </summary>
internal sealed class WfdbSignalGroup
{
    private WfdbSignalGroup(string path, int format, long byteOffset, int[] signals, int[] samplesPerFrame)
    {
        Path = path;
        Format = format;
        ByteOffset = byteOffset;
        Signals = signals;
        SamplesPerFrame = samplesPerFrame;
        FrameLength = samplesPerFrame.Sum();
        FrameOffsets = new int[signals.Length];
        for (var m = 1; m < signals.Length; m++) FrameOffsets[m] = FrameOffsets[m - 1] + samplesPerFrame[m - 1];
    }

    public string Path { get; }

    public int Format { get; }

    public long ByteOffset { get; }

    /// <summary>Indices into the header's signals, in frame order.</summary>
    public int[] Signals { get; }

    /// <summary>Samples per frame of each member, in frame order.</summary>
    public int[] SamplesPerFrame { get; }

    /// <summary>Where each member's samples start within a frame.</summary>
    public int[] FrameOffsets { get; }

    /// <summary>Samples of all members in one frame.</summary>
    public int FrameLength { get; }

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
            var samplesPerFrame = Array.ConvertAll(members, i => header.Signals[i].SamplesPerFrame);
            if (first.Format == 0)
            {
                // Null signals (a layout header's "~", WFDB's "*"): no file; every sample is invalid.
                groups.Add(new WfdbSignalGroup("", 0, 0, members, samplesPerFrame));
                continue;
            }
            // The header names its signal files; they must be regular files beside it (not /etc/passwd, ../, a FIFO).
            var path = ContainedFile.Resolve(folder, name, header.File, header.SignalLines[members[0]], "the signal file");
            groups.Add(new WfdbSignalGroup(path, first.Format, first.ByteOffset, members, samplesPerFrame));
        }
        return groups;
    }

    /// <summary>Whether the group is of null signals, which have no file.</summary>
    public bool IsNull => Format == 0;

    /// <summary>Whole frames the file holds after its byte offset; a null signal has as many as asked for.</summary>
    public long FramesHeld()
    {
        if (IsNull) return long.MaxValue;
        if (!File.Exists(Path)) throw DataFormatException.MissingFile(Path);
        var bytes = Math.Max(0, new FileInfo(Path).Length - ByteOffset);
        return WfdbFormats.SamplesIn(Format, bytes) / FrameLength;
    }

    /// <exception cref="DataFormatException">The file holds fewer than <paramref name="frames"/> frames.</exception>
    public void RequireFrames(long frames)
    {
        if (IsNull) return;
        var held = FramesHeld();
        if (held < frames) throw Truncated(new FileInfo(Path).Length, frames, held);
    }

    public DataFormatException Truncated(long byteOffset, long expectedFrames, long heldFrames) =>
        DataFormatException.Malformed(Path, null,
            $"byte {byteOffset}: truncated: expected {expectedFrames} samples per signal, file holds {heldFrames}");

    /// <summary>Opens the file at frame <paramref name="frame"/>.</summary>
    public WfdbSampleStream Open(WfdbHeader header, long frame)
    {
        var frameSignal = new int[FrameLength];
        for (var m = 0; m < Signals.Length; m++) frameSignal.AsSpan(FrameOffsets[m], SamplesPerFrame[m]).Fill(m);
        var stream = new WfdbSampleStream(
            Path, Format, ByteOffset, Array.ConvertAll(Signals, i => header.Signals[i].InitialValue), frameSignal);
        try
        {
            stream.Skip(frame * FrameLength);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
