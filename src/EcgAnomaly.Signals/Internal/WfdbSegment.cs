namespace EcgAnomaly.Signals.Internal;

/// <summary>One line of a multi-segment header: a segment record's name ("~" for a gap) and its length in frames.</summary>
/// <param name="Name">The segment's record name, or "~" for a gap with no signals.</param>
/// <param name="Frames">Its length in frames.</param>
/// <param name="Line">The 1-based line of the multi-segment header that lists it.</param>
internal sealed record WfdbSegment(string Name, long Frames, int Line)
{
    public bool IsGap => Name == "~";
}
