using System.Globalization;
using System.Text;
using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Signals;

/// <summary>
/// Writes a single-segment WFDB record (all signals interleaved in one .dat) in any format the reader decodes,
/// streaming frames from a source, with the header's initial values and checksums filled in. Used to make long
/// synthetic recordings for the benchmark and small ones for tests. Signal values are ADC units.
/// </summary>
public static class WfdbWriter
{
    /// <summary>The formats <see cref="Write"/> takes: every one the reader decodes.</summary>
    public static IReadOnlyList<int> Formats => WfdbFormats.Supported;

    /// <summary>
    /// Writes <c>recordPath.dat</c> and <c>recordPath.hea</c> in format 212, each written aside and renamed into place
    /// when complete. Values must fit in 12 bits (-2048..2047).
    /// </summary>
    /// <param name="recordPath">The record's path without extension; its file name becomes the record name.</param>
    /// <param name="samplingFrequency">Samples per second per signal, in Hz.</param>
    /// <param name="signals">One spec per signal (gain, baseline, units, ADC resolution and zero, description).</param>
    /// <param name="frames">Chunks of interleaved ADC values: sample 0 of every signal, then sample 1, and so on.</param>
    public static void Write212(
        string recordPath, double samplingFrequency, IReadOnlyList<WfdbSignalSpec> signals, IEnumerable<short[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        Write(recordPath, 212, samplingFrequency, signals, frames.Select(chunk => Array.ConvertAll(chunk, v => (int)v)));
    }

    /// <summary>
    /// Writes <c>recordPath.dat</c> and <c>recordPath.hea</c> in <paramref name="format"/>, each written aside and
    /// renamed into place when complete. Values must fit the format (12 bits for 212, 10 for 310 and 311, and so on);
    /// format 8 stores first differences, so a signal may step by at most -128..127 from one sample to the next.
    /// </summary>
    /// <param name="recordPath">The record's path without extension; its file name becomes the record name.</param>
    /// <param name="format">One of <see cref="Formats"/>.</param>
    /// <param name="samplingFrequency">Samples per second per signal, in Hz.</param>
    /// <param name="signals">One spec per signal (gain, baseline, units, ADC resolution and zero, description).</param>
    /// <param name="frames">Chunks of interleaved ADC values: sample 0 of every signal, then sample 1, and so on.</param>
    /// <exception cref="ArgumentOutOfRangeException">The format is not one of <see cref="Formats"/>, or a value (format 8: a
    /// step) does not fit it.</exception>
    /// <exception cref="ArgumentException">There are no signals, or the values do not make whole frames.</exception>
    public static void Write(
        string recordPath, int format, double samplingFrequency, IReadOnlyList<WfdbSignalSpec> signals, IEnumerable<int[]> frames)
    {
        ArgumentNullException.ThrowIfNull(recordPath);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(frames);
        if (!WfdbFormats.IsSupported(format))
            throw new ArgumentOutOfRangeException(nameof(format), format, $"supported formats: {string.Join(", ", Formats)}");
        var count = signals.Count;
        if (count == 0) throw new ArgumentException("a record needs at least one signal", nameof(signals));
        var name = Path.GetFileName(recordPath);
        var checksums = new short[count];
        var first = new int[count];
        long values = 0;
        var temporary = recordPath + ".dat.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                var encoder = new WfdbSampleEncoder(file, format, count);
                foreach (var chunk in frames)
                {
                    foreach (var v in chunk)
                    {
                        var signal = (int)(values % count);
                        if (values < count) first[signal] = v;
                        encoder.Add(v);
                        checksums[signal] = unchecked((short)(checksums[signal] + v));
                        values++;
                    }
                }
                encoder.Finish();
            }
            if (values % count != 0)
                throw new ArgumentException($"{values} values do not make whole frames of {count} signals", nameof(frames));
        }
        catch
        {
            // A refused value leaves no half-written file behind.
            File.Delete(temporary);
            throw;
        }
        File.Move(temporary, recordPath + ".dat", overwrite: true);

        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"{name} {count} {samplingFrequency:0.###} {values / count}\n");
        for (var s = 0; s < count; s++)
        {
            var spec = signals[s];
            header.Append(CultureInfo.InvariantCulture,
                $"{name}.dat {format} {spec.Gain:0.###}({spec.Baseline})/{spec.Units} {spec.AdcResolution} {spec.AdcZero} "
                + $"{first[s]} {checksums[s]} 0 {spec.Description}\n");
        }
        // Written aside and renamed, as the .dat above (not via the core's AtomicFile: this assembly stands alone).
        var headerTemporary = recordPath + ".hea.tmp";
        File.WriteAllText(headerTemporary, header.ToString(), new UTF8Encoding(false));
        File.Move(headerTemporary, recordPath + ".hea", overwrite: true);
    }
}
