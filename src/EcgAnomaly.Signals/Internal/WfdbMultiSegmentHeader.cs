namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// A parsed multi-segment header: <c>name/segments signals frequency frames [time [date]]</c>, then one
/// <c>segment length</c> line per segment. A variable-layout record's first segment has length 0 and is its layout header.
/// </summary>
internal sealed record WfdbMultiSegmentHeader(
    string File, string RecordName, int SignalCount, double SamplingFrequency, long Frames, IReadOnlyList<WfdbSegment> Segments,
    IReadOnlyList<string> Comments);
