using System.Buffers.Binary;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Decodes the samples of one signal file in file order (frames one after another), through a fixed buffer so that
/// a recording of any length streams in bounded memory. Bytes are decoded a group at a time (see
/// <see cref="WfdbFormat"/>); a file may end inside a group, whose missing bytes then read as zero.
/// </summary>
internal sealed class WfdbSampleStream : IDisposable
{
    // A multiple of 12 so that no group of 1, 2, 3 or 4 bytes straddles a refill.
    private const int BufferSize = 12 * 5_461;

    private readonly FileStream _file;
    private readonly WfdbFormat _format;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly int[] _group = new int[3];
    private readonly int[] _differenceBase;
    private readonly int[] _frameSignal;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private int _groupNext;
    private int _groupCount;
    private long _sampleIndex;

    /// <param name="path">The signal file.</param>
    /// <param name="format">Its WFDB format.</param>
    /// <param name="byteOffset">Bytes to skip at its start.</param>
    /// <param name="initialValues">The initial value of each signal in the file, in frame order (format 8 adds to them).</param>
    /// <param name="frameSignal">For each sample of a frame, the index into <paramref name="initialValues"/> of its signal
    /// (a signal with several samples per frame appears several times).</param>
    public WfdbSampleStream(string path, int format, long byteOffset, int[] initialValues, int[] frameSignal)
    {
        _format = WfdbFormats.Get(format);
        _differenceBase = (int[])initialValues.Clone();
        _frameSignal = frameSignal;
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        _file.Seek(byteOffset, SeekOrigin.Begin);
        _bufferOffset = byteOffset;
    }

    /// <summary>Byte offset in the file of the next byte not yet decoded.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>Fills <paramref name="destination"/>; returns fewer samples only at the end of the file.</summary>
    public int Read(Span<int> destination)
    {
        var written = 0;
        while (written < destination.Length)
        {
            if (_groupNext < _groupCount)
            {
                destination[written++] = _group[_groupNext++];
                continue;
            }
            if (_end - _start < _format.GroupBytes && !Refill())
            {
                // The file ends inside a group: decode what its bytes hold whole, the missing bytes as zero.
                var left = _end - _start;
                var whole = WfdbFormats.SamplesInPartial(_format, left);
                if (whole == 0) break;
                _buffer.AsSpan(_end, _format.GroupBytes - left).Clear();
                DecodeGroup(_buffer.AsSpan(_start, _format.GroupBytes));
                _start = _end;
                _groupCount = whole;
                continue;
            }
            if (_format.GroupSamples == 1 && _format.Code != 8)
            {
                written += DecodeRun(destination[written..]);
                continue;
            }
            DecodeGroup(_buffer.AsSpan(_start, _format.GroupBytes));
            _start += _format.GroupBytes;
        }
        return written;
    }

    /// <summary>
    /// Skips <paramref name="samples"/> samples: by seeking when they fill whole groups and no running value depends on
    /// them, else by decoding them (format 8's running sums, a group split by the start).
    /// </summary>
    /// <returns>The samples skipped; fewer only at the end of the file.</returns>
    public long Skip(long samples)
    {
        long skipped = 0;
        var buffered = Math.Min(samples, _groupCount - _groupNext);
        _groupNext += (int)buffered;
        skipped += buffered;
        if (_format.Code != 8 && _groupNext == _groupCount)
        {
            var groups = (samples - skipped) / _format.GroupSamples;
            var bytes = Math.Min(groups * _format.GroupBytes, Math.Max(0, _file.Length - Position));
            groups = bytes / _format.GroupBytes;
            if (groups > 0)
            {
                var target = Position + groups * _format.GroupBytes;
                _file.Seek(target, SeekOrigin.Begin);
                _bufferOffset = target;
                _start = _end = 0;
                _sampleIndex += groups * _format.GroupSamples;
                skipped += groups * _format.GroupSamples;
            }
        }
        Span<int> scratch = stackalloc int[256];
        while (skipped < samples)
        {
            var read = Read(scratch[..(int)Math.Min(scratch.Length, samples - skipped)]);
            if (read == 0) break;
            skipped += read;
        }
        return skipped;
    }

    public void Dispose() => _file.Dispose();

    /// <summary>The fast path for one-sample groups: decodes as many as the buffer and destination allow.</summary>
    private int DecodeRun(Span<int> destination)
    {
        var size = _format.GroupBytes;
        var count = Math.Min(destination.Length, (_end - _start) / size);
        var bytes = _buffer.AsSpan(_start, count * size);
        for (var i = 0; i < count; i++) destination[i] = DecodeOne(bytes.Slice(i * size, size));
        _start += count * size;
        _sampleIndex += count;
        return count;
    }

    private int DecodeOne(ReadOnlySpan<byte> b) => _format.Code switch
    {
        16 => BinaryPrimitives.ReadInt16LittleEndian(b),
        24 => b[0] | b[1] << 8 | (sbyte)b[2] << 16,
        32 => BinaryPrimitives.ReadInt32LittleEndian(b),
        61 => BinaryPrimitives.ReadInt16BigEndian(b),
        80 => b[0] - 128,
        _ => BinaryPrimitives.ReadUInt16LittleEndian(b) - 32768, // 160
    };

    /// <summary>Decodes one group into <see cref="_group"/>.</summary>
    private void DecodeGroup(ReadOnlySpan<byte> b)
    {
        _groupNext = 0;
        _groupCount = _format.GroupSamples;
        switch (_format.Code)
        {
            case 8:
                // First differences: each signal adds to its own running value, which starts at its initial value.
                var signal = _frameSignal[(int)(_sampleIndex % _frameSignal.Length)];
                _group[0] = _differenceBase[signal] += (sbyte)b[0];
                break;
            case 212:
                // Byte 1 holds the high nibbles of both samples: low nibble for the first, high for the second.
                _group[0] = Sign(b[0] | (b[1] & 0x0F) << 8, 12);
                _group[1] = Sign(b[2] | (b[1] & 0xF0) << 4, 12);
                break;
            case 310:
                _group[0] = Sign(b[0] >> 1 | (b[1] & 0x07) << 7, 10);
                _group[1] = Sign(b[2] >> 1 | (b[3] & 0x07) << 7, 10);
                _group[2] = Sign(b[1] >> 3 | (b[3] >> 3) << 5, 10);
                break;
            case 311:
                _group[0] = Sign(b[0] | (b[1] & 0x03) << 8, 10);
                _group[1] = Sign(b[1] >> 2 | (b[2] & 0x0F) << 6, 10);
                _group[2] = Sign(b[2] >> 4 | (b[3] & 0x3F) << 4, 10);
                break;
            default:
                _group[0] = DecodeOne(b);
                break;
        }
        _sampleIndex += _format.GroupSamples;
    }

    /// <summary>Moves the undecoded tail to the front and reads more; false when no whole group could be read.</summary>
    private bool Refill()
    {
        var tail = _end - _start;
        Array.Copy(_buffer, _start, _buffer, 0, tail);
        _bufferOffset += _start;
        _start = 0;
        _end = tail;
        var before = _end;
        while (_end < _buffer.Length)
        {
            var read = _file.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) break;
            _end += read;
        }
        return _end > before && _end - _start >= _format.GroupBytes;
    }

    private static int Sign(int value, int bits) => value << (32 - bits) >> (32 - bits);
}
