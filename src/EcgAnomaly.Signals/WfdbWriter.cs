using System.Globalization;
using System.Text;

namespace EcgAnomaly.Signals;

/// <summary>
/// Writes a single-segment WFDB record in format 212 (all signals interleaved in one .dat), streaming frames from a
/// source, with the header's initial values and checksums filled in. Used to make long synthetic recordings for the
/// benchmark and small ones for tests. Signal values are ADC units and must fit in 12 bits (-2048..2047).
/// </summary>
public static class WfdbWriter
{
    /// <summary>
    /// Writes <c>recordPath.dat</c> and <c>recordPath.hea</c>, each written aside and renamed into place when complete.
    /// </summary>
    /// <param name="recordPath">The record's path without extension; its file name becomes the record name.</param>
    /// <param name="samplingFrequency">Samples per second per signal, in Hz.</param>
    /// <param name="signals">One spec per signal (gain, baseline, units, ADC resolution and zero, description).</param>
    /// <param name="frames">Chunks of interleaved ADC values: sample 0 of every signal, then sample 1, and so on.</param>
    public static void Write212(
        string recordPath, double samplingFrequency, IReadOnlyList<WfdbSignalSpec> signals, IEnumerable<short[]> frames)
    {
        ArgumentNullException.ThrowIfNull(recordPath);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(frames);
        var count = signals.Count;
        var name = Path.GetFileName(recordPath);
        var checksums = new short[count];
        var first = new short[count];
        long values = 0;
        var temporary = recordPath + ".dat.tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var pending = (short)0;
            var havePending = false;
            var packed = new byte[3];
            foreach (var chunk in frames)
            {
                foreach (var v in chunk)
                {
                    if (v is < -2048 or > 2047) throw new ArgumentOutOfRangeException(nameof(frames), v, "format 212 holds 12-bit values");
                    var signal = (int)(values % count);
                    if (values < count) first[signal] = v;
                    checksums[signal] = unchecked((short)(checksums[signal] + v));
                    values++;
                    if (!havePending)
                    {
                        (pending, havePending) = (v, true);
                        continue;
                    }
                    packed[0] = (byte)(pending & 0xFF);
                    packed[1] = (byte)(((pending >> 8) & 0x0F) | (((v >> 8) & 0x0F) << 4));
                    packed[2] = (byte)(v & 0xFF);
                    file.Write(packed);
                    havePending = false;
                }
            }
            if (havePending)
            {
                packed[0] = (byte)(pending & 0xFF);
                packed[1] = (byte)((pending >> 8) & 0x0F);
                file.Write(packed, 0, 2);
            }
        }
        if (values % count != 0)
            throw new ArgumentException($"{values} values do not make whole frames of {count} signals", nameof(frames));
        File.Move(temporary, recordPath + ".dat", overwrite: true);

        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"{name} {count} {samplingFrequency:0.###} {values / count}\n");
        for (var s = 0; s < count; s++)
        {
            var spec = signals[s];
            header.Append(CultureInfo.InvariantCulture,
                $"{name}.dat 212 {spec.Gain:0.###}({spec.Baseline})/{spec.Units} {spec.AdcResolution} {spec.AdcZero} "
                + $"{first[s]} {checksums[s]} 0 {spec.Description}\n");
        }
        // Written aside and renamed, as the .dat above (not via the core's AtomicFile: this assembly stands alone).
        var headerTemporary = recordPath + ".hea.tmp";
        File.WriteAllText(headerTemporary, header.ToString(), new UTF8Encoding(false));
        File.Move(headerTemporary, recordPath + ".hea", overwrite: true);
    }
}
