using EcgAnomaly.Models;
using EcgAnomaly.Training.Fast;
using static TorchSharp.torch;

namespace EcgAnomaly.Tests.Training.Fast;

/// <summary>
/// The fast kernel's gradient clipping against libtorch's torch.nn.utils.clip_grad_norm_ on the same gradient: the
/// clipped gradients within 1e-4 relative, whether the limit bites or not.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class GradientClippingTest
{
    [Theory]
    [InlineData(0.25)] // the limit a quarter of the gradient's norm: every value scaled down
    [InlineData(4.0)]  // the limit above the norm: the gradient left as it is
    public void Should_clip_the_gradient_as_pytorch_does_When_a_norm_limit_is_set(double limitOverNorm)
    {
        // Given
        random.manual_seed(21);
        using var model = new LstmAutoencoder(16, 30);
        using var x = randn(10, 30);
        var fast = FastLstmAutoencoder.From(model);
        using var output = model.call(x);
        using var loss = (output - x).abs().sum();
        model.zero_grad();
        loss.backward();
        var norm = Math.Sqrt(model.parameters().Sum(p => p.grad!.pow(2).sum().item<float>()));
        var limit = norm * limitOverNorm;

        // When: libtorch clips its gradient; the fast kernel computes the same gradient and clips it in its step
        var returned = nn.utils.clip_grad_norm_(model.parameters(), limit);
        using var engine = new FastLstmEngine(fast, 5, learningRate: 1e-3) { ClipNorm = limit };
        engine.TrainStep(x.data<float>().ToArray(), 10);
        var clipped = engine.GradientsByKey();

        // Then
        Assert.Equal(norm, returned, norm * 1e-4);
        foreach (var (key, parameter) in model.named_parameters())
        {
            var expected = parameter.grad!.data<float>().ToArray();
            var scale = expected.Max(Math.Abs);
            Assert.All(expected.Zip(clipped[key]), p => Assert.Equal(p.First, p.Second, scale * 1e-4));
        }
    }
}
