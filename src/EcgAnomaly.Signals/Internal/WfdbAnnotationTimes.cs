using System.Globalization;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Puts annotation times in one signal's samples. WFDB counts them in frames, unless the file starts with a note
/// "## time resolution: F" (written by programs that ran at another rate, e.g. sqrs at 250 Hz), which counts them at F Hz.
/// </summary>
internal static class WfdbAnnotationTimes
{
    private const string ResolutionNote = "## time resolution:";

    public static IReadOnlyList<WfdbAnnotation> InSignalSamples(IReadOnlyList<WfdbAnnotation> annotations, RecordingSignal signal,
        double frameFrequency)
    {
        var note = annotations.FirstOrDefault(a => a.Aux?.StartsWith(ResolutionNote, StringComparison.Ordinal) == true).Aux;
        var resolution = frameFrequency;
        if (note is not null && double.TryParse(note[ResolutionNote.Length..].Trim().TrimEnd('\0'), NumberStyles.Float,
                CultureInfo.InvariantCulture, out var given) && given > 0 && double.IsFinite(given))
            resolution = given;
        var factor = signal.SamplingFrequency / resolution;
        // 1 for almost every file (one sample per frame, no note): returned as read.
        if (Math.Abs(factor - 1) < 1e-12) return annotations;
        return annotations.Select(a => a with { Sample = (long)Math.Round(a.Sample * factor) }).ToList();
    }
}
