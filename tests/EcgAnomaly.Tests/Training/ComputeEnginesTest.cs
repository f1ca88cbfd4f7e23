using System.Runtime.Intrinsics.X86;
using EcgAnomaly.Detection;
using EcgAnomaly.Models;
using EcgAnomaly.Training;
using static TorchSharp.torch;

namespace EcgAnomaly.Tests.Training;

/// <summary>One place picks the engine: auto means fast exactly where the fast engine applies.</summary>
[Collection(SharedTorch.Name)]
public sealed class ComputeEnginesTest
{
    private static bool FastCpu => Avx2.IsSupported && Fma.IsSupported;

    [Fact]
    public void Should_pick_the_fast_engine_When_auto_is_asked_for_an_lstm_with_an_embedding_multiple_of_8_on_this_cpu()
    {
        // Given
        using var model = ModelSpec.Lstm(32).Build();

        // When
        var engine = ComputeEngines.Resolve(ComputeEngine.Auto, model, CPU);

        // Then: this project's machines have AVX2/FMA, so it must be fast here
        Assert.True(FastCpu, "this machine lacks AVX2/FMA, so the fast engine cannot be shown to be picked");
        Assert.Equal(ComputeEngine.Fast, engine);
    }

    [Theory]
    [InlineData("transformer")]
    [InlineData("lstm12")]
    public void Should_pick_torchsharp_When_auto_is_asked_for_a_model_the_fast_engine_cannot_run(string which)
    {
        // Given
        using var model = (which == "transformer" ? (ModelSpec)ModelSpec.Transformer(4, 64, 2, 1) : ModelSpec.Lstm(12)).Build();

        // When
        var engine = ComputeEngines.Resolve(ComputeEngine.Auto, model, CPU);

        // Then
        Assert.Equal(ComputeEngine.TorchSharp, engine);
        Assert.NotNull(ComputeEngines.WhyNotFast(model, CPU));
    }

    [Fact]
    public void Should_refuse_with_the_reason_When_the_fast_engine_is_asked_for_a_transformer()
    {
        // Given
        using var model = ModelSpec.Transformer(4, 64, 2, 1).Build();

        // When
        var error = Assert.Throws<NotSupportedException>(() => ComputeEngines.Resolve(ComputeEngine.Fast, model, CPU));

        // Then: the library names the problem, not a command-line flag
        Assert.StartsWith("the fast engine cannot run this model: ", error.Message);
        Assert.DoesNotContain("--", error.Message);
    }

    [Fact]
    public void Should_train_and_score_on_the_same_engine_When_auto_picks_it()
    {
        // Given
        var data = TestData.Ecg5000.Test.WithLabel(1);
        var train = data.Select(Enumerable.Range(0, 64).ToArray(), "train");
        var validation = data.Select(Enumerable.Range(64, 32).ToArray(), "validation");

        // When
        using var fitted = AutoencoderDetector.Fit(train, validation, ModelSpec.Lstm(8), new TrainingOptions { Epochs = 1 });

        // Then
        Assert.Equal(ComputeEngine.Fast, fitted.Training.Engine);
        Assert.Equal(ComputeEngine.Fast, fitted.Detector.Engine);
    }
}
