using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace EcgAnomaly.Signals;

/// <summary>
/// Writes a recording as an EDF+C file (16-bit samples), every signal at its own rate, with an "EDF Annotations" signal
/// that carries each data record's start and, when given, annotations (e.g. a WFDB record's beat labels, which
/// <see cref="EdfRecording.ReadAnnotations"/> then reads back). Each signal's calibration makes one digital step at
/// least as fine as the source's ADC step where the source says what it is (WFDB, EDF) and the signal's range fits in
/// 16 bits at that step; otherwise the signal's range is spread over the 65,536 digital values.
/// </summary>
public static class EdfWriter
{
    private const int DigitalMin = short.MinValue;
    private const int DigitalMax = short.MaxValue;

    // Record durations tried in turn: the first that gives every signal a whole number of samples per record wins.
    private static readonly double[] Durations = [1, 0.5, 0.25, 0.2, 0.1, 2, 4, 5, 10, 0.05, 0.04, 0.02, 0.01];

    /// <summary>
    /// Writes <paramref name="recording"/> (or its first <paramref name="seconds"/>) to <paramref name="path"/>, written
    /// aside and renamed into place when complete. A last partial data record is left out, so the file holds whole
    /// records only (at most one record's duration less than the source).
    /// </summary>
    /// <param name="path">The EDF file to write.</param>
    /// <param name="recording">The source; every signal is written, with its description, units and rate.</param>
    /// <param name="seconds">How much to write from the start; null for everything.</param>
    /// <param name="annotations">Annotations to write into the annotation signal (onsets from the start), or null.</param>
    /// <exception cref="ArgumentException">No record duration up to 10 s gives every signal a whole number of samples, or
    /// the recording is shorter than one data record.</exception>
    public static void Write(string path, EcgRecording recording, double? seconds = null, IEnumerable<EdfAnnotation>? annotations = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(recording);
        var signals = recording.Signals;
        if (signals.Count == 0) throw new ArgumentException("the recording has no signals", nameof(recording));
        var duration = RecordDuration(signals);
        var perRecord = signals.Select(s => (int)Math.Round(s.SamplingFrequency * duration)).ToArray();
        var records = signals.Select((s, i) => s.SampleCount / perRecord[i]).Min();
        if (seconds is { } limit) records = Math.Min(records, (long)Math.Floor(limit / duration + 1e-9));
        if (records < 1) throw new ArgumentException($"the recording is shorter than one {duration} s data record", nameof(recording));

        var calibration = signals.Select((_, s) => Calibrate(recording, s, records * perRecord[s])).ToArray();
        var tals = Tals(annotations, records, duration);
        var annotationSamples = (tals.Max(t => t.Length) + 1) / 2;

        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            file.Write(Header(signals, calibration, perRecord, annotationSamples, records, duration));
            var readers = signals.Select((_, s) => recording.ReadSignalChunks(s, perRecord[s]).GetEnumerator()).ToArray();
            try
            {
                var recordBytes = new byte[2 * (perRecord.Sum() + annotationSamples)];
                for (var r = 0; r < records; r++)
                {
                    Array.Clear(recordBytes);
                    var at = 0;
                    for (var s = 0; s < signals.Count; s++)
                    {
                        if (!readers[s].MoveNext() || readers[s].Current.Length < perRecord[s])
                            throw new InvalidOperationException($"signal {s} ended before data record {r}");
                        var (physicalMin, step) = Scaling(calibration[s]);
                        foreach (var value in readers[s].Current)
                        {
                            var digital = Math.Clamp(Math.Round((value - physicalMin) / step) + DigitalMin, DigitalMin, DigitalMax);
                            BinaryPrimitives.WriteInt16LittleEndian(recordBytes.AsSpan(at), (short)digital);
                            at += 2;
                        }
                    }
                    tals[r].CopyTo(recordBytes, at);
                    file.Write(recordBytes);
                }
            }
            finally
            {
                foreach (var reader in readers) reader.Dispose();
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static double RecordDuration(IReadOnlyList<RecordingSignal> signals)
    {
        foreach (var duration in Durations)
        {
            if (signals.All(s => IsWhole(s.SamplingFrequency * duration) && s.SamplingFrequency * duration >= 1)) return duration;
        }
        throw new ArgumentException(
            $"no data record duration up to 10 s holds a whole number of samples of every signal "
            + $"({string.Join(", ", signals.Select(s => s.SamplingFrequency.ToString(CultureInfo.InvariantCulture)))} Hz)",
            nameof(signals));
    }

    private static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-6;

    /// <summary>The physical minimum and maximum as the header gives them (at most 8 characters each).</summary>
    private static (string Min, string Max) Calibrate(EcgRecording recording, int signal, long samples)
    {
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        long seen = 0;
        foreach (var chunk in recording.ReadSignalChunks(signal, 1 << 16))
        {
            foreach (var value in chunk.AsSpan(0, (int)Math.Min(chunk.Length, samples - seen)))
            {
                if (!float.IsFinite(value)) continue;
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
            seen += chunk.Length;
            if (seen >= samples) break;
        }
        if (min > max) (min, max) = (0, 0);
        var sourceStep = SourceStep(recording, signal);
        double low, high;
        // At the source's step, the digital range centred on 0 covers ±32,767 steps: enough for any ECG in mV or µV.
        if (sourceStep is { } step && step > 0 && min >= DigitalMin * step && max <= DigitalMax * step)
            (low, high) = (DigitalMin * step, DigitalMax * step);
        else
            (low, high) = min < max ? (min, max) : (min - 1, max + 1);
        return (FormatDown(low), FormatUp(high));
    }

    /// <summary>The physical minimum and the physical value of one digital step, from the header's text.</summary>
    private static (double PhysicalMin, double Step) Scaling((string Min, string Max) calibration)
    {
        var (min, max) = (Parse(calibration.Min), Parse(calibration.Max));
        return (min, (max - min) / ((double)DigitalMax - DigitalMin));
    }

    private static double? SourceStep(EcgRecording recording, int signal) => recording switch
    {
        WfdbRecord wfdb => 1 / wfdb.Header.Signals[signal].Gain,
        EdfRecording edf => edf.Step(signal),
        _ => null,
    };

    private static byte[] Header(
        IReadOnlyList<RecordingSignal> signals, (string Min, string Max)[] calibration, int[] perRecord, int annotationSamples,
        long records, double duration)
    {
        var count = signals.Count + 1;
        var text = new StringBuilder();
        void Put(string value, int width) => text.Append(Ascii(value, width).PadRight(width));
        Put("0", 8);
        Put("X X X X", 80);
        Put("Startdate X X X X", 80);
        Put("01.01.85", 8);
        Put("00.00.00", 8);
        Put((256 * (count + 1)).ToString(CultureInfo.InvariantCulture), 8);
        Put("EDF+C", 44);
        Put(records.ToString(CultureInfo.InvariantCulture), 8);
        Put(FormatUp(duration), 8);
        Put(count.ToString(CultureInfo.InvariantCulture), 4);
        var fields = new List<string[]>
        {
            Columns(s => signals[s].Description, EdfHeader.AnnotationLabel),
            Columns(_ => "", ""),
            Columns(s => signals[s].Units, ""),
            Columns(s => calibration[s].Min, "-1"),
            Columns(s => calibration[s].Max, "1"),
            Columns(_ => DigitalMin.ToString(CultureInfo.InvariantCulture), DigitalMin.ToString(CultureInfo.InvariantCulture)),
            Columns(_ => DigitalMax.ToString(CultureInfo.InvariantCulture), DigitalMax.ToString(CultureInfo.InvariantCulture)),
            Columns(_ => "", ""),
            Columns(s => perRecord[s].ToString(CultureInfo.InvariantCulture), annotationSamples.ToString(CultureInfo.InvariantCulture)),
            Columns(_ => "", ""),
        };
        int[] widths = [16, 80, 8, 8, 8, 8, 8, 80, 8, 32];
        for (var f = 0; f < fields.Count; f++)
        {
            foreach (var value in fields[f]) Put(value, widths[f]);
        }
        return Encoding.ASCII.GetBytes(text.ToString());

        string[] Columns(Func<int, string> signal, string annotation) =>
            [.. Enumerable.Range(0, signals.Count).Select(signal), annotation];
    }

    /// <summary>Each record's TALs: its timekeeping TAL, then the annotations whose onset falls in it.</summary>
    private static byte[][] Tals(IEnumerable<EdfAnnotation>? annotations, long records, double duration)
    {
        var byRecord = new List<EdfAnnotation>[records];
        foreach (var a in annotations ?? [])
        {
            var record = (long)Math.Floor(a.Onset / duration);
            if (record < 0 || record >= records) continue;
            (byRecord[record] ??= []).Add(a);
        }
        var tals = new byte[records][];
        for (var r = 0; r < records; r++)
        {
            var tal = new StringBuilder();
            tal.Append(Onset(r * duration)).Append("\u0014\u0014\0");
            foreach (var a in byRecord[r] ?? [])
            {
                tal.Append(Onset(a.Onset));
                if (a.Duration is { } d) tal.Append('\u0015').Append(d.ToString("0.######", CultureInfo.InvariantCulture));
                // 0x14, 0x15 and 0 delimit TALs: a control character in a text would cut it.
                tal.Append('\u0014').Append(new string(a.Text.Select(c => char.IsControl(c) ? ' ' : c).ToArray())).Append("\u0014\0");
            }
            tals[r] = Encoding.UTF8.GetBytes(tal.ToString());
        }
        return tals;
    }

    private static string Onset(double seconds) =>
        (seconds < 0 ? "-" : "+") + Math.Abs(seconds).ToString("0.######", CultureInfo.InvariantCulture);

    private static string Ascii(string value, int width)
    {
        // EDF header fields are printable ASCII: the micro sign becomes "u", anything else outside it "_".
        var ascii = new string(value.Replace('\u00B5', 'u').Replace('\u03BC', 'u').Select(c => c is < ' ' or > '~' ? '_' : c).ToArray());
        return ascii.Length <= width ? ascii : ascii[..width];
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The largest number of at most 8 characters not above <paramref name="value"/>.</summary>
    private static string FormatDown(double value) => Format(value, Math.Floor);

    /// <summary>The smallest number of at most 8 characters not below <paramref name="value"/>.</summary>
    private static string FormatUp(double value) => Format(value, Math.Ceiling);

    private static string Format(double value, Func<double, double> round)
    {
        for (var decimals = 7; decimals >= 0; decimals--)
        {
            var scale = Math.Pow(10, decimals);
            // Values already exact at this precision must not move by a rounding error of the multiplication.
            var scaled = value * scale;
            var rounded = Math.Abs(scaled - Math.Round(scaled)) < 1e-6 ? Math.Round(scaled) : round(scaled);
            var text = (rounded / scale).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (text.Contains('.')) text = text.TrimEnd('0').TrimEnd('.');
            if (text == "-0") text = "0";
            if (text.Length <= 8) return text;
        }
        throw new ArgumentOutOfRangeException(nameof(value), value, "does not fit in an 8-character EDF field");
    }
}
