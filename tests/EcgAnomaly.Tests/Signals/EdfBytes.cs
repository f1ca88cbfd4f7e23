using System.Globalization;
using System.Text;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// Builds small EDF and BDF files field by field, so that a test can spoil exactly one field; every field is written
/// as the specification lays it out (ASCII, space-padded, each signal field for all signals before the next).
/// </summary>
internal sealed class EdfBytes
{
    public string Version { get; init; } = "0";

    public string Reserved { get; init; } = "";

    public string Records { get; init; } = "2";

    public string Duration { get; init; } = "1";

    /// <summary>The number of signals as written; null writes the count of <see cref="Signals"/>.</summary>
    public string? SignalCount { get; init; }

    /// <summary>The header-bytes field as written; null writes 256 × (signals + 1).</summary>
    public string? HeaderBytes { get; init; }

    public bool Bdf { get; init; }

    public IReadOnlyList<EdfBytesSignal> Signals { get; init; } = [new()];

    /// <summary>The data records after the header; null writes digital values 0, 1, 2, ... for every record.</summary>
    public byte[]? Data { get; init; }

    public byte[] Build()
    {
        var text = new StringBuilder();
        void Put(string value, int width) => text.Append(value.PadRight(width)[..width]);
        Put(Bdf ? "?BIOSEMI" : Version, 8);
        Put("X X X X", 80);
        Put("Startdate X X X X", 80);
        Put("01.01.85", 8);
        Put("00.00.00", 8);
        Put(HeaderBytes ?? (256 * (Signals.Count + 1)).ToString(CultureInfo.InvariantCulture), 8);
        Put(Reserved, 44);
        Put(Records, 8);
        Put(Duration, 8);
        Put(SignalCount ?? Signals.Count.ToString(CultureInfo.InvariantCulture), 4);
        foreach (var (field, width) in new (Func<EdfBytesSignal, string>, int)[]
        {
            (s => s.Label, 16), (_ => "", 80), (s => s.Units, 8), (s => s.PhysicalMin, 8), (s => s.PhysicalMax, 8),
            (s => s.DigitalMin, 8), (s => s.DigitalMax, 8), (_ => "", 80), (s => s.Samples, 8), (_ => "", 32),
        })
        {
            foreach (var signal in Signals) Put(field(signal), width);
        }
        var header = Encoding.Latin1.GetBytes(text.ToString());
        if (Bdf) header[0] = 0xFF;
        return [.. header, .. Data ?? Counting()];
    }

    /// <summary>Digital value i at the i-th sample of the file, each record holding every signal's samples in turn.</summary>
    private byte[] Counting()
    {
        var width = Bdf ? 3 : 2;
        var records = int.Parse(Records, CultureInfo.InvariantCulture);
        var perRecord = Signals.Sum(s => int.Parse(s.Samples, CultureInfo.InvariantCulture));
        var data = new byte[records * perRecord * width];
        for (var i = 0; i < records * perRecord; i++)
        {
            var value = i - 3;
            for (var b = 0; b < width; b++) data[i * width + b] = (byte)(value >> (8 * b));
        }
        return data;
    }
}
