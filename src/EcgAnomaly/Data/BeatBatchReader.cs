using System.Globalization;
using EcgAnomaly.Data.Internal;
using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Data;

/// <summary>
/// Beats for scoring, read in batches so that any number of them fits in bounded memory: a UCR file (with labels),
/// or CSV text of one beat per row, values only (a file or standard input).
/// </summary>
public static class BeatBatchReader
{
    /// <summary>Reads <paramref name="input"/> ("-" for standard input): .tsv/.txt/.arff/.ts as UCR files, anything else as CSV.</summary>
    public static IEnumerable<BeatBatch> Open(string input, int batchSize)
    {
        if (input == "-")
        {
            if (StandardInput.WasClosed())
                throw DataFormatException.Malformed("<stdin>", null, "standard input is closed; pipe the beats in or give --input FILE");
            return ReadCsv(Console.In, "<stdin>", batchSize);
        }
        if (UcrReader.Extensions.Contains(Path.GetExtension(input).ToLowerInvariant())) return FromUcr(UcrReader.Read(input), batchSize);
        if (!File.Exists(input)) throw DataFormatException.MissingFile(input);
        if (new FileInfo(input).Length == 0) throw DataFormatException.EmptyFile(input);
        return ReadCsvFile(input, batchSize);
    }

    private static IEnumerable<BeatBatch> ReadCsvFile(string file, int batchSize)
    {
        using var reader = new StreamReader(file);
        foreach (var batch in ReadCsv(reader, file, batchSize)) yield return batch;
    }

    private static IEnumerable<BeatBatch> FromUcr(LabelledBeats beats, int batchSize)
    {
        for (var start = 0; start < beats.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, beats.Count - start);
            var values = beats.Values.AsSpan(start * beats.Length, count * beats.Length).ToArray();
            yield return new BeatBatch(values, beats.Labels[start..(start + count)], count, beats.Length, start);
        }
    }

    /// <summary>
    /// CSV (commas, or tabs/spaces) of values only, one beat per line; blank lines and lines starting with '#' are skipped.
    /// </summary>
    public static IEnumerable<BeatBatch> ReadCsv(TextReader reader, string source, int batchSize)
    {
        var length = -1;
        var values = new List<float>();
        var count = 0;
        long first = 0, index = 0;
        var lineNumber = 0;
        foreach (var line in BoundedLines.Read(reader, source))
        {
            lineNumber++;
            var span = line.AsSpan().Trim();
            if (span.IsEmpty || span[0] == '#') continue;
            var column = 0;
            foreach (var range in span.SplitAny(span.Contains(',') ? "," : " \t"))
            {
                var field = span[range].Trim();
                if (field.IsEmpty && !span.Contains(',')) continue;
                column++;
                if (column > InputLimits.MaxBeatSamples) throw BeatTableBuilder.TooManySamples(source, lineNumber);
                if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    throw DataFormatException.NotANumber(source, lineNumber, column, field.ToString());
                if (!float.IsFinite((float)value)) throw DataFormatException.NotFinite(source, lineNumber, column, field.ToString());
                values.Add((float)value);
            }
            if (length < 0) length = column;
            else if (column != length) throw DataFormatException.RaggedRow(source, lineNumber, column, length);
            count++;
            index++;
            if (count == batchSize)
            {
                yield return new BeatBatch(values.ToArray(), null, count, length, first);
                values.Clear();
                count = 0;
                first = index;
            }
        }
        if (index == 0) throw DataFormatException.EmptyFile(source);
        if (count > 0) yield return new BeatBatch(values.ToArray(), null, count, length, first);
    }

    /// <summary>Linear interpolation of each beat to <paramref name="length"/> samples (first and last samples kept).</summary>
    public static float[] Resample(ReadOnlySpan<float> values, int count, int from, int length)
    {
        var result = new float[count * length];
        for (var b = 0; b < count; b++)
        {
            var beat = values.Slice(b * from, from);
            for (var i = 0; i < length; i++)
            {
                var position = length == 1 ? 0 : (double)i * (from - 1) / (length - 1);
                var lower = (int)Math.Floor(position);
                var upper = Math.Min(lower + 1, from - 1);
                result[b * length + i] = (float)(beat[lower] + (position - lower) * (beat[upper] - beat[lower]));
            }
        }
        return result;
    }
}
