using EcgAnomaly.Training;
using static TorchSharp.torch;

namespace EcgAnomaly.Tests.Training;

/// <summary>
/// KeptScalarAdam replaces TorchSharp's Adam only to hold its Scalars over the native calls; TorchSharp's own Adam is
/// the reference, to the last bit, including the state it saves for checkpoints.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class KeptScalarAdamTest
{
    [Theory]
    [InlineData(1e-3)]
    [InlineData(3e-2)]
    public void Should_move_the_weights_exactly_as_TorchSharps_Adam_When_given_the_same_gradients(double learningRate)
    {
        // Given: two copies of one small network
        manual_seed(11);
        using var reference = nn.Sequential(nn.Linear(5, 7), nn.Tanh(), nn.Linear(7, 3));
        using var kept = nn.Sequential(nn.Linear(5, 7), nn.Tanh(), nn.Linear(7, 3));
        kept.load_state_dict(reference.state_dict());
        using var referenceAdam = optim.Adam(reference.parameters(), learningRate);
        using var keptAdam = KeptScalarAdam.Create(kept.parameters(), learningRate);
        using var inputs = randn(40, 5);

        // When: 30 steps each, the learning rate changed halfway as the schedules change it
        for (var step = 1; step <= 30; step++)
        {
            if (step == 16)
            {
                foreach (var group in referenceAdam.ParamGroups) group.LearningRate = learningRate / 3;
                foreach (var group in keptAdam.ParamGroups) group.LearningRate = learningRate / 3;
            }
            Step(reference, referenceAdam, inputs);
            Step(kept, keptAdam, inputs);
        }

        // Then: the same weights and the same saved optimizer state, byte for byte
        foreach (var (name, weight) in reference.state_dict())
            Assert.Equal(weight.data<float>().ToArray(), kept.state_dict()[name].data<float>().ToArray());
        Assert.Equal(Saved(referenceAdam), Saved(keptAdam));
    }

    private static void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor inputs)
    {
        using var scope = NewDisposeScope();
        var loss = model.call(inputs).abs().sum();
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    private static byte[] Saved(TorchSharp.Modules.OptimizerHelper optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) optimizer.save_state_dict(writer);
        return stream.ToArray();
    }
}
