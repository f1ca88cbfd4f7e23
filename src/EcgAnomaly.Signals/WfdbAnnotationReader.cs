using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Signals;

/// <summary>Reads WFDB annotation files in MIT format (such as <c>100.atr</c>).</summary>
public static class WfdbAnnotationReader
{
    /// <summary>
    /// The annotations of <paramref name="atrPath"/> with times in the file's own ticks: sample numbers, unless the
    /// file declares another time resolution ("## time resolution: 250", as sqrs writes); use the overload with the
    /// record's sampling frequency to get sample numbers then.
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing or truncated; the message names the byte offset.</exception>
    public static IReadOnlyList<WfdbAnnotation> Read(string atrPath) => Load(atrPath).Annotations;

    /// <summary>
    /// The annotations of <paramref name="atrPath"/> with times in samples of a record sampled at
    /// <paramref name="samplingFrequency"/> Hz, converted as WFDB's getann does when the file declares its own time
    /// resolution (ticks times frequency over resolution, rounded half up).
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing or truncated; the message names the byte offset.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The frequency is not positive and finite.</exception>
    public static IReadOnlyList<WfdbAnnotation> Read(string atrPath, double samplingFrequency)
    {
        Preconditions.CheckArgumentRange(nameof(samplingFrequency), samplingFrequency, double.Epsilon, double.MaxValue);
        var (annotations, resolution) = Load(atrPath);
        return WfdbMitAnnotationParser.ToSamples(annotations, resolution, samplingFrequency);
    }

    private static (List<WfdbAnnotation> Annotations, double? TimeResolution) Load(string atrPath)
    {
        ArgumentNullException.ThrowIfNull(atrPath);
        if (!File.Exists(atrPath)) throw DataFormatException.MissingFile(atrPath);
        // Read whole, so checked first: a FIFO would block and a file larger than any annotation file is not one.
        if (FileKind.NotRegular(atrPath) is { } kind)
            throw DataFormatException.Malformed(atrPath, null, $"is {kind}, not an annotation file");
        var length = new FileInfo(atrPath).Length;
        if (length > InputLimits.MaxAnnotationBytes)
            throw DataFormatException.Malformed(
                atrPath, null, $"is {length:N0} bytes; an annotation file may have no more than {InputLimits.MaxAnnotationBytes:N0}");
        return WfdbMitAnnotationParser.Parse(File.ReadAllBytes(atrPath), atrPath);
    }
}
