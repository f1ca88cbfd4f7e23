using EcgAnomaly.Models;
using EcgAnomaly.Training.Fast;
using static TorchSharp.torch;

namespace EcgAnomaly.Tests.Training.Fast;

/// <summary>
/// The fast kernel against TorchSharp's nn.LSTM and autograd (the reference path) on random inputs: outputs and
/// gradients within 1e-4 relative (to the largest magnitude of each tensor).
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class FastLstmEngineTest
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 8, 20, 5 },    // odd batch: shards of 3 and 2
        { 16, 33, 1 },   // a single beat: one shard only
        { 32, 140, 32 }, // the study's size, a full batch
        { 32, 140, 18 }, // the last batch of a seed-protocol epoch (1,970 = 61 x 32 + 18)
        { 24, 11, 13 },  // hidden sizes 48 and 24: the 8-wide kernels
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Should_match_torch_scores_and_gradients_When_given_random_beats(int embedding, int steps, int rows)
    {
        // Given
        random.manual_seed(embedding * 1000 + steps + rows);
        using var model = new LstmAutoencoder(embedding, steps);
        using var x = randn(rows, steps);

        // When: the reference
        using var output = model.call(x);
        using var perBeat = (output - x).abs().sum(1);
        using var loss = perBeat.sum();
        model.zero_grad();
        loss.backward();
        var expectedScores = perBeat.detach().data<float>().Select(v => (double)v).ToArray();

        // When: the fast kernel
        var fast = FastLstmAutoencoder.From(model);
        using var engine = new FastLstmEngine(fast, (rows + 1) / 2, learningRate: 1e-3);
        var values = x.data<float>().ToArray();
        var fastLoss = engine.ComputeGradients(values, rows);
        var scores = engine.Score(values);
        var gradients = engine.GradientsByKey();

        // Then
        AssertClose("scores", expectedScores, scores);
        Assert.Equal(expectedScores.Sum(), fastLoss, expectedScores.Sum() * 1e-5);
        foreach (var (key, parameter) in model.named_parameters())
        {
            var expected = parameter.grad!.data<float>().Select(v => (double)v).ToArray();
            AssertClose(key, expected, gradients[key].Select(v => (double)v).ToArray());
        }
    }

    [Fact]
    public void Should_follow_torch_adam_When_stepping_the_same_gradients() =>
        // One parameter tensor and three gradients, stepped by torch.optim.Adam and by FastAdam at one rate
        AssertAdamFollowsTorch(seed: 3, rates: [1e-3, 1e-3, 1e-3]);

    [Fact]
    public void Should_follow_torch_adam_When_the_learning_rate_changes_between_steps_as_a_schedule_does() =>
        // torch.optim.Adam with its parameter group's rate set before each step, as Trainer sets it each epoch
        AssertAdamFollowsTorch(seed: 4, rates: [1e-3, 5e-4, 1e-5]);

    private static void AssertAdamFollowsTorch(int seed, double[] rates)
    {
        random.manual_seed(seed);
        using var reference = new TorchSharp.Modules.Parameter(randn(64));
        var ours = new PinnedBuffer(64);
        reference.data<float>().ToArray().CopyTo(ours.Array, 0);
        using var optimizer = optim.Adam([reference], rates[0]);
        var adam = new FastAdam(rates[0]);

        for (var step = 0; step < rates.Length; step++)
        {
            foreach (var group in optimizer.ParamGroups) group.LearningRate = rates[step];
            adam.LearningRate = rates[step];
            using var g = randn(64) * (step + 1);
            reference.grad = g.clone();
            optimizer.step();
            var grad = new PinnedBuffer(64);
            g.data<float>().ToArray().CopyTo(grad.Array, 0);
            adam.BeginStep();
            adam.Update(ours, grad);
        }

        AssertClose(
            "adam",
            reference.detach().data<float>().Select(v => (double)v).ToArray(),
            ours.Array.Select(v => (double)v).ToArray(),
            1e-6);
    }

    private static void AssertClose(string what, double[] expected, double[] actual, double relative = 1e-4)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = expected.Max(Math.Abs);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relative * scale + 1e-7,
                $"{what}[{i}]: expected {expected[i]}, got {actual[i]} (scale {scale})");
    }
}
