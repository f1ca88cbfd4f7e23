using EcgAnomaly.Training;
using static TorchSharp.torch;

namespace EcgAnomaly.Tests.Training;

/// <summary>
/// The cosine schedule against TorchSharp's CosineAnnealingLR (PyTorch's, with T_max the epoch count and eta_min 0,
/// stepped once per epoch): the expected rates come from that implementation, not from our formula.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class LearningRateScheduleTest
{
    [Fact]
    public void Should_give_pytorchs_cosine_annealing_rate_for_every_epoch_When_the_schedule_is_cosine()
    {
        // Given
        var options = new TrainingOptions { Epochs = 150, LearningRate = 1e-3, Schedule = LearningRateSchedule.Cosine };
        using var parameter = new TorchSharp.Modules.Parameter(zeros(1));
        using var optimizer = optim.Adam([parameter], options.LearningRate);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: options.Epochs, eta_min: 0);

        // When / Then: epoch e trains at the rate the scheduler gives after e - 1 steps
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            Assert.Equal(optimizer.ParamGroups.First().LearningRate, options.RateAt(epoch), 1e-12);
            optimizer.step();
            scheduler.step();
        }
        Assert.Equal(options.LearningRate, options.RateAt(1));
        Assert.True(options.RateAt(options.Epochs) < options.LearningRate * 1e-3, "the last epoch trains at nearly 0");
    }

    [Fact]
    public void Should_keep_the_rate_every_epoch_When_the_schedule_is_the_studys()
    {
        var options = new TrainingOptions { Epochs = 10, LearningRate = 2e-3 };

        Assert.Equal(LearningRateSchedule.Constant, options.Schedule);
        Assert.All(Enumerable.Range(1, 10), e => Assert.Equal(2e-3, options.RateAt(e)));
    }

    [Fact]
    public void Should_hold_the_rate_then_follow_pytorchs_cosine_over_the_last_fifth_When_the_schedule_is_tail()
    {
        // Given: 150 epochs, so 120 at the full rate and a cosine annealing of 30 epochs (TorchSharp's, T_max 30)
        var options = new TrainingOptions { Epochs = 150, LearningRate = 1e-3, Schedule = LearningRateSchedule.Tail };
        using var parameter = new TorchSharp.Modules.Parameter(zeros(1));
        using var optimizer = optim.Adam([parameter], options.LearningRate);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: 30, eta_min: 0);

        // Then
        Assert.Equal(30, options.TailEpochs);
        Assert.All(Enumerable.Range(1, 120), e => Assert.Equal(1e-3, options.RateAt(e)));
        for (var epoch = 121; epoch <= 150; epoch++)
        {
            Assert.Equal(optimizer.ParamGroups.First().LearningRate, options.RateAt(epoch), 1e-12);
            optimizer.step();
            scheduler.step();
        }
    }

    [Fact]
    public void Should_follow_pytorchs_linear_warmup_then_the_schedule_When_warmup_epochs_are_set()
    {
        // Given: 5 warm-up epochs, as LinearLR(start_factor 1/5, total_iters 4) stepped once per epoch gives them
        var options = new TrainingOptions { Epochs = 150, LearningRate = 1e-3, Schedule = LearningRateSchedule.Tail, WarmupEpochs = 5 };
        var tail = options with { WarmupEpochs = 0 };
        using var parameter = new TorchSharp.Modules.Parameter(zeros(1));
        using var optimizer = optim.Adam([parameter], options.LearningRate);
        var scheduler = optim.lr_scheduler.LinearLR(optimizer, start_factor: 1.0 / 5, end_factor: 1.0, total_iters: 4);

        // Then: the warm-up epochs at PyTorch's rates, every later epoch at the tail recipe's own rate
        for (var epoch = 1; epoch <= 5; epoch++)
        {
            Assert.Equal(optimizer.ParamGroups.First().LearningRate, options.RateAt(epoch), 1e-12);
            optimizer.step();
            scheduler.step();
        }
        Assert.All(Enumerable.Range(6, 145), e => Assert.Equal(tail.RateAt(e), options.RateAt(e)));
        Assert.True(options.RateAt(1) < tail.RateAt(1), "warm-up starts below the rate");
    }
}
