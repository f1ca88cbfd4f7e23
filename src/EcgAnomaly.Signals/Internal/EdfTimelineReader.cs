using System.Globalization;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Reads the annotation signals of every data record, one record's annotation bytes at a time, into the records'
/// start times and the annotations.
/// </summary>
internal static class EdfTimelineReader
{
    public static EdfTimeline Read(EdfHeader header)
    {
        var annotationSignals = Enumerable.Range(0, header.Signals.Count).Where(s => header.Signals[s].IsAnnotation).ToArray();
        if (header.DataRecords > InputLimits.MaxEdfAnnotations)
            throw DataFormatException.Malformed(header.File, null, string.Create(CultureInfo.InvariantCulture,
                $"byte 236 (number of data records): {header.DataRecords:N0} records are more than the "
                + $"{InputLimits.MaxEdfAnnotations:N0} whose start times can be listed"));
        var records = (int)header.DataRecords;
        var starts = new double[records];
        var annotations = new List<EdfAnnotation>();
        if (annotationSignals.Length == 0 || !header.IsPlus)
        {
            // Plain EDF: records follow each other; an "EDF Annotations" label outside EDF+ is just a strange signal name.
            for (var r = 0; r < records; r++) starts[r] = r * header.RecordDuration;
            return new EdfTimeline(starts, annotations);
        }
        var buffer = new byte[annotationSignals.Max(s => header.Signals[s].SamplesPerRecord) * header.BytesPerSample];
        using var stream = new FileStream(header.File, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        for (var r = 0; r < records; r++)
        {
            for (var a = 0; a < annotationSignals.Length; a++)
            {
                var signal = annotationSignals[a];
                var length = header.Signals[signal].SamplesPerRecord * header.BytesPerSample;
                var offset = header.SampleOffset(r, signal);
                stream.Seek(offset, SeekOrigin.Begin);
                if (stream.ReadAtLeast(buffer.AsSpan(0, length), length, throwOnEndOfStream: false) < length)
                    throw DataFormatException.Malformed(header.File, null, string.Create(CultureInfo.InvariantCulture,
                        $"byte {offset}: truncated: data record {r} of {header.DataRecords} ends past the end of the file"));
                var start = EdfTalParser.Parse(header.File, buffer.AsSpan(0, length), offset, timekeeping: a == 0, annotations);
                if (start is { } s) starts[r] = s;
            }
        }
        return new EdfTimeline(starts, annotations);
    }
}
