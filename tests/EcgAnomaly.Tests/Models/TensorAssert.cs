using static TorchSharp.torch;

namespace EcgAnomaly.Tests.Models;

/// <summary>Element-wise comparison of a hand-written kernel's tensor with libtorch's, relative to the largest value.</summary>
internal static class TensorAssert
{
    public static void Close(Tensor expected, Tensor actual, string what, float tolerance = 2e-5f)
    {
        var want = expected.detach().contiguous().data<float>().ToArray();
        var got = actual.detach().contiguous().data<float>().ToArray();
        Assert.Equal(want.Length, got.Length);
        var scale = Math.Max(1f, want.Max(MathF.Abs));
        for (var i = 0; i < want.Length; i++)
            Assert.True(MathF.Abs(want[i] - got[i]) <= tolerance * scale, $"{what}[{i}]: kernel {got[i]}, libtorch {want[i]}");
    }
}
