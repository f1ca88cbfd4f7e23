using EcgAnomaly.Models.Study;
using static TorchSharp.torch;

namespace EcgAnomaly.Tests.Models;

/// <summary>
/// The fused attention kernel against the unfused composition it replaces, built from libtorch's own bmm and softmax
/// (and FastDropout's mask, which the kernel must reproduce element for element): outputs and the gradients of Q, K
/// and V, with dropout on and off, for the study's head widths (1 and 2), a width of 5 and a source length that is not
/// a multiple of 8. End-to-end agreement with PyTorch is StudyTransformerLayersTest's.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class FusedAttentionTest
{
    [Theory]
    [InlineData(8, 140, 140, 1, true)]
    [InlineData(8, 140, 140, 2, true)]
    [InlineData(6, 7, 13, 5, true)]
    [InlineData(8, 140, 140, 1, false)]
    [InlineData(3, 9, 21, 2, false)]
    public void Should_match_softmax_attention_built_from_libtorch_ops_When_given_the_same_seed(
        int heads, int steps, int source, int width, bool training)
    {
        // Given
        manual_seed(11);
        var q = (randn(heads, steps, width) * 2).requires_grad_();
        var k = (randn(heads, source, width) * 2).requires_grad_();
        var v = randn(heads, source, width).requires_grad_();
        using var upstream = randn(heads, steps, width);

        // When
        manual_seed(3);
        using var fused = FusedAttention.Apply(q, k, v, 0.1, training);
        using (var loss = (fused * upstream).sum()) loss.backward();
        var fusedGrads = new[] { q, k, v }.Select(t => t.grad!.clone()).ToArray();
        foreach (var t in new[] { q, k, v }) t.grad!.zero_();
        manual_seed(3);
        using var reference = bmm(FastDropout.Apply(bmm(q, k.transpose(1, 2)).softmax(-1), 0.1, training), v);
        using (var loss = (reference * upstream).sum()) loss.backward();

        // Then
        TensorAssert.Close(reference, fused, "output");
        TensorAssert.Close(q.grad!, fusedGrads[0], "dQ");
        TensorAssert.Close(k.grad!, fusedGrads[1], "dK");
        TensorAssert.Close(v.grad!, fusedGrads[2], "dV");
    }

    [Fact]
    public void Should_leave_the_weights_undropped_and_draw_no_seed_When_not_training()
    {
        // Given
        manual_seed(4);
        using var q = randn(2, 5, 1);
        using var k = randn(2, 5, 1);
        using var v = randn(2, 5, 1);
        using var before = get_rng_state();

        // When
        using var output = FusedAttention.Apply(q, k, v, 0.5, training: false);
        using var after = get_rng_state();

        using var inferred = FusedAttention.Infer(q, k, v);

        // Then
        using var expected = bmm(bmm(q, k.transpose(1, 2)).softmax(-1), v);
        TensorAssert.Close(expected, output, "output");
        TensorAssert.Close(expected, inferred, "inferred output");
        Assert.True(FusedAttention.CanInfer(q, k, v, 1, training: false));
        Assert.False(FusedAttention.CanInfer(q, k, v, 1, training: true));
        using (var withGrad = q.clone().requires_grad_()) Assert.False(FusedAttention.CanInfer(withGrad, k, v, 1, training: false));
        Assert.True(before.equal(after).all().item<bool>(), "evaluation must not consume Torch's random numbers");
    }
}
