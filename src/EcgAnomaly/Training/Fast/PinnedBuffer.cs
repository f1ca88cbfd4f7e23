using System.Runtime.CompilerServices;

namespace EcgAnomaly.Training.Fast;

/// <summary>
/// A float array on the pinned object heap with a raw pointer to it: the kernels work on pointers in hot loops, and
/// a pinned array never moves, so the pointer stays valid for the buffer's lifetime without `fixed` at every call.
/// </summary>
internal sealed unsafe class PinnedBuffer
{
    public PinnedBuffer(int length)
    {
        Array = GC.AllocateArray<float>(Math.Max(length, 1), pinned: true);
        Length = length;
        Pointer = (float*)Unsafe.AsPointer(ref Array[0]);
    }

    public float[] Array { get; }

    public int Length { get; }

    public float* Pointer { get; }

    public Span<float> Span => Array.AsSpan(0, Length);

    public void Clear() => Span.Clear();
}
