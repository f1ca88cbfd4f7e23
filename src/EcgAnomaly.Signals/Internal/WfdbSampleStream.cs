using System.Buffers.Binary;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Decodes the samples of one signal file in file order (frames one after another), through a fixed buffer so that
/// a recording of any length streams in bounded memory.
/// </summary>
internal sealed class WfdbSampleStream : IDisposable
{
    // A multiple of 6 so that neither a 212 pair nor a 16-bit sample straddles a refill.
    private const int BufferSize = 6 * 10_923;

    private readonly FileStream _file;
    private readonly int _format;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private long _bufferOffset;
    private int? _pending;

    public WfdbSampleStream(string path, int format, long byteOffset)
    {
        _format = format;
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
        if (_pending is int second && destination.Length > 0)
        {
            destination[written++] = second;
            _pending = null;
        }
        while (written < destination.Length)
        {
            if (_end - _start < UnitBytes && !Refill())
            {
                // A 212 file with an odd number of samples ends in two bytes holding one sample.
                if (_format == 212 && _end - _start == 2)
                {
                    destination[written++] = Sign12(_buffer[_start] | (_buffer[_start + 1] & 0x0F) << 8);
                    _start += 2;
                }
                break;
            }
            written += Decode(destination[written..]);
        }
        return written;
    }

    public void Dispose() => _file.Dispose();

    private int UnitBytes => _format switch
    {
        212 => 3,
        16 => 2,
        _ => 1,
    };

    private int Decode(Span<int> destination)
    {
        var written = 0;
        var bytes = _buffer.AsSpan(_start, _end - _start);
        var used = 0;
        switch (_format)
        {
            case 212:
                for (; used + 3 <= bytes.Length && written < destination.Length; used += 3)
                {
                    // Byte 1 holds the high nibbles of both samples: low nibble for the first, high for the second.
                    destination[written++] = Sign12(bytes[used] | (bytes[used + 1] & 0x0F) << 8);
                    var second = Sign12(bytes[used + 2] | (bytes[used + 1] & 0xF0) << 4);
                    if (written < destination.Length) destination[written++] = second;
                    else _pending = second;
                }
                break;
            case 16:
                for (; used + 2 <= bytes.Length && written < destination.Length; used += 2)
                    destination[written++] = BinaryPrimitives.ReadInt16LittleEndian(bytes[used..]);
                break;
            default:
                // Format 80 is offset binary: 128 is zero.
                for (; used < bytes.Length && written < destination.Length; used++)
                    destination[written++] = bytes[used] - 128;
                break;
        }
        _start += used;
        return written;
    }

    /// <summary>Moves the undecoded tail to the front and reads more; false when nothing more could be read.</summary>
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
        return _end > before && _end - _start >= UnitBytes;
    }

    private static int Sign12(int value) => value << 20 >> 20;
}
