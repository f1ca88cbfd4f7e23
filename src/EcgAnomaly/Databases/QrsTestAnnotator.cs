using EcgAnomaly.Recordings;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>The project's QRS detector as a test annotator: every R peak becomes a normal beat (code 1, "N").</summary>
public sealed class QrsTestAnnotator : ITestAnnotator
{
    /// <inheritdoc/>
    public string Description => "QRS detector (RecordBeats.DetectPeaks), every detected beat labelled N";

    /// <inheritdoc/>
    public IReadOnlyList<WfdbAnnotation> Annotate(
        EcgRecording record, int lead, Action<long>? progress, CancellationToken cancellationToken)
    {
        var peaks = RecordBeats.DetectPeaks(record, lead, progress, cancellationToken);
        return Array.ConvertAll(peaks, p => new WfdbAnnotation(p, 1, "N", 0, 0, 0, null));
    }
}
