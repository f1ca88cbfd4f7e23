namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Reads a run of frames of a single-segment record for some of its signals, every sample kept (a signal with N samples
/// per frame gives N per frame). With skew applied, a signal's frame t comes from stored frame t + skew, as WFDB's getvec
/// reads it: each distinct skew of a file gets its own stream, started that many frames later, so that no skew (however
/// large a hostile header makes it) is ever buffered.
/// </summary>
internal static class WfdbFrameReader
{
    /// <summary>Chunks of [signal][sample]; a signal not in <paramref name="signals"/> comes back empty.</summary>
    /// <param name="header">The record's header.</param>
    /// <param name="groups">The record's signal files.</param>
    /// <param name="signals">The signals to read.</param>
    /// <param name="first">The first frame.</param>
    /// <param name="count">Frames to read; the caller has checked that every stream holds them.</param>
    /// <param name="framesPerChunk">Frames per chunk (the last may have fewer).</param>
    /// <param name="applySkew">False to read every signal as stored (checksums are over stored frames).</param>
    public static IEnumerable<int[][]> Read(WfdbHeader header, IReadOnlyList<WfdbSignalGroup> groups, IReadOnlyCollection<int> signals,
        long first, long count, int framesPerChunk, bool applySkew)
    {
        if (count <= 0 || signals.Count == 0) yield break;
        var readers = new List<(WfdbSignalGroup Group, int[] Members, WfdbSampleStream? Stream)>();
        try
        {
            foreach (var group in groups)
            {
                var wanted = Enumerable.Range(0, group.Signals.Length).Where(m => signals.Contains(group.Signals[m])).ToArray();
                foreach (var skew in wanted.Select(m => applySkew ? header.Signals[group.Signals[m]].Skew : 0).Distinct())
                {
                    var members = wanted.Where(m => (applySkew ? header.Signals[group.Signals[m]].Skew : 0) == skew).ToArray();
                    readers.Add((group, members, group.IsNull ? null : group.Open(header, first + skew)));
                }
            }
            var frames = (int)Math.Min(framesPerChunk, count);
            var buffer = new int[frames * readers.Max(r => r.Group.FrameLength)];
            for (long done = 0; done < count; done += frames)
            {
                frames = (int)Math.Min(frames, count - done);
                var chunk = new int[header.SignalCount][];
                Array.Fill(chunk, []);
                foreach (var (group, members, stream) in readers)
                {
                    var interleaved = buffer.AsSpan(0, frames * group.FrameLength);
                    if (stream is null) interleaved.Fill(WfdbRecord.InvalidSample);
                    var read = stream?.Read(interleaved) ?? interleaved.Length;
                    if (stream is not null && read < interleaved.Length)
                        throw group.Truncated(stream.Position, first + count, first + done + read / group.FrameLength);
                    foreach (var m in members)
                    {
                        var spf = group.SamplesPerFrame[m];
                        var values = new int[frames * spf];
                        var offset = group.FrameOffsets[m];
                        if (spf == 1)
                            for (var f = 0; f < frames; f++) values[f] = interleaved[f * group.FrameLength + offset];
                        else
                            for (var f = 0; f < frames; f++)
                                interleaved.Slice(f * group.FrameLength + offset, spf).CopyTo(values.AsSpan(f * spf, spf));
                        chunk[group.Signals[m]] = values;
                    }
                }
                yield return chunk;
            }
        }
        finally
        {
            foreach (var reader in readers) reader.Stream?.Dispose();
        }
    }
}
