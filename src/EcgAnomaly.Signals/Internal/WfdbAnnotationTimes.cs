namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Puts annotation times in one signal's samples. WFDB counts them in frames (after the reader has applied a file's
/// own "## time resolution"), and a signal with several samples per frame has that many samples per frame tick.
/// </summary>
internal static class WfdbAnnotationTimes
{
    /// <summary>The annotations of <paramref name="path"/> in <paramref name="signal"/>'s samples.</summary>
    public static IReadOnlyList<WfdbAnnotation> InSignalSamples(string path, RecordingSignal signal, double frameFrequency)
    {
        var annotations = WfdbAnnotationReader.Read(path, frameFrequency);
        var factor = signal.SamplingFrequency / frameFrequency;
        // 1 for almost every record (one sample per frame): returned as read.
        if (Math.Abs(factor - 1) < 1e-12) return annotations;
        return annotations.Select(a => a with { Sample = (long)Math.Round(a.Sample * factor) }).ToList();
    }
}
