using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>
/// The algorithm a database evaluation tests: it annotates one lead of a record, as bxb's test annotator. The QRS
/// detector labels every beat N; a beat classifier labels them V, S and so on, and the same comparison and report
/// then give its VEB and SVEB statistics.
/// </summary>
public interface ITestAnnotator
{
    /// <summary>What the annotations are, for the report's protocol, e.g. "QRS detector, every beat labelled N".</summary>
    string Description { get; }

    /// <summary>The test annotations of <paramref name="lead"/>, in time order, in that lead's samples.</summary>
    /// <param name="record">The record, open.</param>
    /// <param name="lead">The signal compared.</param>
    /// <param name="progress">Receives the samples read so far.</param>
    /// <param name="cancellationToken">Stops the work between chunks.</param>
    /// <exception cref="DataFormatException">The record cannot be read.</exception>
    IReadOnlyList<WfdbAnnotation> Annotate(EcgRecording record, int lead, Action<long>? progress, CancellationToken cancellationToken);
}
