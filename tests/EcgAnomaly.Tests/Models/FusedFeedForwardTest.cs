using EcgAnomaly.Models.Study;
using static TorchSharp.torch;

namespace EcgAnomaly.Tests.Models;

/// <summary>
/// The fused feed-forward kernel against the block it replaces, built from libtorch's linear and relu and FastDropout's
/// mask (which the kernel must reproduce element for element): outputs and the gradients of the input and of all four
/// weights, dropout on and off, for the study's widths (D 2 and 4, F 256 and 512), odd sizes (D 3, F 13) and more
/// tokens than one chunk. End-to-end agreement with PyTorch is StudyTransformerLayersTest's.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class FusedFeedForwardTest
{
    [Theory]
    [InlineData(140, 32, 4, 512, true)]
    [InlineData(140, 32, 2, 256, true)]
    [InlineData(5, 3, 3, 13, true)]
    [InlineData(140, 32, 4, 512, false)]
    [InlineData(300, 1, 4, 20, false)]
    public void Should_match_linear_relu_dropout_linear_from_libtorch_When_given_the_same_seed(
        int steps, int batch, int width, int hidden, bool training)
    {
        // Given
        manual_seed(21);
        var linear1 = nn.Linear(width, hidden);
        var linear2 = nn.Linear(hidden, width);
        var x = randn(steps, batch, width).requires_grad_();
        using var upstream = randn(steps, batch, width);
        Tensor[] parameters = [x, linear1.weight!, linear1.bias!, linear2.weight!, linear2.bias!];

        // When
        manual_seed(8);
        using var fused = FusedFeedForward.Train(x, linear1, linear2, 0.1, training);
        using (var loss = (fused * upstream).sum()) loss.backward();
        var fusedGrads = parameters.Select(t => t.grad!.clone()).ToArray();
        foreach (var t in parameters) t.grad!.zero_();
        manual_seed(8);
        using var reference = linear2.call(FastDropout.Apply(nn.functional.relu(linear1.call(x)), 0.1, training));
        using (var loss = (reference * upstream).sum()) loss.backward();

        // Then
        TensorAssert.Close(reference, fused, "output");
        string[] names = ["dx", "dW1", "db1", "dW2", "db2"];
        for (var i = 0; i < parameters.Length; i++) TensorAssert.Close(parameters[i].grad!, fusedGrads[i], names[i]);
    }

    [Fact]
    public void Should_score_like_the_unfused_block_When_no_gradient_is_wanted()
    {
        // Given
        manual_seed(22);
        var linear1 = nn.Linear(4, 512);
        var linear2 = nn.Linear(512, 4);
        using var x = randn(140, 32, 4);
        using var expected = linear2.call(nn.functional.relu(linear1.call(x)));

        // When
        using var scope = no_grad();
        using var scored = FusedFeedForward.Run(x, linear1, linear2, 0.1, training: false);

        // Then
        TensorAssert.Close(expected, scored, "scored output");
    }
}
