using System.Numerics;

namespace EcgAnomaly.Training.Fast;

internal static class VectorMath
{
    /// <summary>into[i] += from[i].</summary>
    public static void AddInPlace(Span<float> into, ReadOnlySpan<float> from)
    {
        var i = 0;
        for (; i + Vector<float>.Count <= into.Length; i += Vector<float>.Count)
            (new Vector<float>(into[i..]) + new Vector<float>(from[i..])).CopyTo(into[i..]);
        for (; i < into.Length; i++) into[i] += from[i];
    }
}
