using System.Buffers.Binary;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// The inverse of <see cref="WfdbSampleStream"/>: packs samples, in file order, into a signal file a group at a
/// time, and on <see cref="Finish"/> writes a last partial group in as many bytes as its format gives it
/// (<see cref="WfdbFormat.PartialBytes"/>), so that the decoder reads back exactly the samples written.
/// </summary>
internal sealed class WfdbSampleEncoder
{
    private readonly Stream _file;
    private readonly WfdbFormat _format;
    private readonly int[] _group = new int[3];
    private readonly byte[] _bytes = new byte[4];
    private readonly int[] _previous;
    private readonly int _min;
    private readonly int _max;
    private int _pending;
    private long _written;

    /// <param name="file">Where the packed bytes go.</param>
    /// <param name="format">A format of <see cref="WfdbFormats"/>.</param>
    /// <param name="signals">Signals per frame (format 8 keeps a running value per signal).</param>
    public WfdbSampleEncoder(Stream file, int format, int signals)
    {
        _file = file;
        _format = WfdbFormats.Get(format);
        _previous = new int[signals];
        // Format 8 stores steps, not values: any value is reachable, one step of at most a signed byte at a time.
        var bits = format == 8 ? 32 : _format.DefaultResolution;
        (_min, _max) = bits == 32 ? (int.MinValue, int.MaxValue) : (-(1 << (bits - 1)), (1 << (bits - 1)) - 1);
    }

    /// <summary>
    /// Adds the next sample in file order. The first sample of each signal must also be the header's initial value,
    /// which format 8 adds its first step to.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit the format, or (format 8) the step from the
    /// signal's previous sample is outside -128..127.</exception>
    public void Add(int value)
    {
        if (value < _min || value > _max)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"format {_format.Code} holds values from {_min} to {_max}");
        if (_format.Code == 8)
        {
            var signal = (int)(_written % _previous.Length);
            var step = _written < _previous.Length ? 0 : (long)value - _previous[signal];
            if (step is < sbyte.MinValue or > sbyte.MaxValue)
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    $"format 8 stores steps of -128..127; signal {signal} steps by {step} at sample {_written / _previous.Length}");
            _previous[signal] = value;
            value = (int)step;
        }
        _written++;
        _group[_pending++] = value;
        if (_pending < _format.GroupSamples) return;
        Pack();
        _file.Write(_bytes, 0, _format.GroupBytes);
        _pending = 0;
    }

    /// <summary>Writes a last, partial group; the encoder takes no more samples after this.</summary>
    public void Finish()
    {
        if (_pending == 0) return;
        _group.AsSpan(_pending).Clear();
        Pack();
        _file.Write(_bytes, 0, _format.PartialBytes[_pending]);
        _pending = 0;
    }

    /// <summary>Packs <see cref="_group"/> into <see cref="_bytes"/>, bit for bit what the decoder unpacks.</summary>
    private void Pack()
    {
        var b = _bytes.AsSpan();
        int v0 = _group[0], v1 = _group[1], v2 = _group[2];
        switch (_format.Code)
        {
            case 8:
            case 80:
                b[0] = _format.Code == 8 ? (byte)(sbyte)v0 : (byte)(v0 + 128);
                break;
            case 16:
                BinaryPrimitives.WriteInt16LittleEndian(b, (short)v0);
                break;
            case 24:
                (b[0], b[1], b[2]) = ((byte)v0, (byte)(v0 >> 8), (byte)(v0 >> 16));
                break;
            case 32:
                BinaryPrimitives.WriteInt32LittleEndian(b, v0);
                break;
            case 61:
                BinaryPrimitives.WriteInt16BigEndian(b, (short)v0);
                break;
            case 160:
                BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)(v0 + 32768));
                break;
            case 212:
                // Byte 1 holds the high nibbles of both samples: low nibble for the first, high for the second.
                (b[0], b[1], b[2]) = ((byte)v0, (byte)((v0 >> 8 & 0x0F) | (v1 >> 8 & 0x0F) << 4), (byte)v1);
                break;
            case 310:
                // Bit 0 of each word is unused; the third sample is split over bits 11-15 of both words.
                b[0] = (byte)((v0 & 0x7F) << 1);
                b[1] = (byte)((v0 >> 7 & 0x07) | (v2 & 0x1F) << 3);
                b[2] = (byte)((v1 & 0x7F) << 1);
                b[3] = (byte)((v1 >> 7 & 0x07) | (v2 >> 5 & 0x1F) << 3);
                break;
            default: // 311
                BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)(v0 & 0x3FF) | (uint)(v1 & 0x3FF) << 10 | (uint)(v2 & 0x3FF) << 20);
                break;
        }
    }
}
