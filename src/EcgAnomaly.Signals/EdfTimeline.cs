namespace EcgAnomaly.Signals;

/// <summary>
/// What the annotation signals of an EDF+ file say about time: when each data record starts, and the annotations.
/// For a plain EDF file (no annotation signal) the records follow each other without gaps and there are no annotations.
/// </summary>
/// <param name="RecordStarts">Start of each data record, in seconds from the file's start date and time.</param>
/// <param name="Annotations">Every annotation of every annotation signal, in file order (the timekeeping ones left out).</param>
public sealed record EdfTimeline(IReadOnlyList<double> RecordStarts, IReadOnlyList<EdfAnnotation> Annotations);
