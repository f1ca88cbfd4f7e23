using EcgAnomaly.Benchmarking;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Training;

namespace EcgAnomaly.Tests.Cli;

/// <summary>The library names its parameters; the CLI tells the user the flag, in one line, without .NET's additions.</summary>
[Collection(SharedTorch.Name)]
public sealed class LibraryArgumentMessageTest
{
    [Fact]
    public void Should_name_the_flag_without_parameter_noise_When_the_library_refuses_a_value_the_cli_let_through()
    {
        // Given: --scoring-beats is checked by the CLI only from below; the library's SpeedBenchOptions caps it

        // When
        var (code, output, error) = CliRunner.Run(
            "bench", "--engine", "torchsharp", "--scoring-beats", "20000000", "--data", TestData.DataRoot);

        // Then
        BadInputTest.AssertOneLineError(code, error, "--scoring-beats must be between 1 and 10000000 (got 20000000)");
        Assert.DoesNotContain("(Parameter", error);
        Assert.DoesNotContain("Actual value", error);
        Assert.DoesNotContain("ScoringBeats", error);
        Assert.DoesNotContain("must be between", output);
    }

    private static readonly Dictionary<string, Action> Checks = new()
    {
        ["epochs"] = () => new TrainingOptions { Epochs = 0 }.Validate(),
        ["batch"] = () => new TrainingOptions { BatchSize = 0 }.Validate(),
        ["scoring batch"] = () => new TrainingOptions { ScoringBatchSize = 0 }.Validate(),
        ["repeats"] = () => new SpeedBenchOptions { ScoringRepeats = 0 }.Validate(),
        ["no engine"] = () => new SpeedBenchOptions { Engines = [] }.Validate(),
        ["sampling frequency"] = () => _ = new EcgAnomaly.Signals.QrsDetector(10),
    };

    [Theory]
    [InlineData("epochs", "--epochs must be between 1 and 100000 (got 0)")]
    [InlineData("batch", "--batch must be between 1 and 1000000 (got 0)")]
    [InlineData("scoring batch", "--batch must be between 1 and 1000000 (got 0)")]
    [InlineData("repeats", "--repeats must be between 1 and 1000 (got 0)")]
    [InlineData("no engine", "--engine: no engine to measure")]
    [InlineData("sampling frequency", "the recording's sampling frequency must be between 50 and 100000 (got 10)")]
    public void Should_use_the_cli_words_When_a_library_argument_check_fails(string check, string expected)
    {
        // Given
        var e = Assert.ThrowsAny<ArgumentException>(Checks[check]);

        // When
        var message = ArgumentMessage.Of(e);

        // Then
        Assert.Equal(expected, message);
    }

    [Fact]
    public void Should_keep_the_library_words_but_drop_the_noise_When_the_parameter_has_no_flag()
    {
        // Given: a parameter the CLI has no flag for
        var e = new ArgumentException("device 'cuda' requested but CUDA is not available on this machine (use cpu)", "name");

        // When
        var message = ArgumentMessage.Of(e);

        // Then
        Assert.Equal("device 'cuda' requested but CUDA is not available on this machine (use cpu)", message);
    }
}
