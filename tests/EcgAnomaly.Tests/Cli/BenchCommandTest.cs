using System.Text.Json;
using EcgAnomaly.Benchmarking;
using EcgAnomaly.Models;
using EcgAnomaly.Training;

namespace EcgAnomaly.Tests.Cli;

[Collection(SharedTorch.Name)]
public sealed class BenchCommandTest
{
    [Fact]
    public void Should_print_a_median_epoch_time_and_beats_per_second_and_write_json_When_benching_one_epoch()
    {
        // Given: one epoch and one small scoring pass keep this to a few seconds. One Torch thread: with two on two
        // cores, a build running beside the tests makes each step wait for the descheduled thread (seen: 3 s -> 60 s).
        // --kernel reference: the old names of --engine torchsharp, as older scripts spell it.
        using var dir = new TemporaryFolder();
        var json = dir.Combine("out", "bench.json");
        var threadsBefore = TorchSharp.torch.get_num_threads();

        // When
        var (code, output, error) = CliRunner.Run("bench", "--kernel", "reference", "--epochs", "1", "--repeats", "1",
            "--scoring-beats", "256", "--threads", "1", "--data", TestData.DataRoot, "--json", json);

        // Then
        Assert.True(code == 0, error);
        Assert.Matches(@"torchsharp: median \d+\.\d{3} s/epoch", output);
        Assert.Matches(@"[\d,]+ beats/s at batch 32, [\d,]+ beats/s at batch 512", output);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var engine = Assert.Single(report.RootElement.GetProperty("engines").EnumerateArray());
        Assert.Equal("torchsharp", engine.GetProperty("engine").GetString());
        Assert.True(engine.GetProperty("epochs").GetProperty("median").GetDouble() > 0);
        Assert.Equal(1_970, report.RootElement.GetProperty("trainBeats").GetInt32());
        Assert.Equal(1, report.RootElement.GetProperty("torchThreads").GetInt32());
        Assert.Equal(threadsBefore, TorchSharp.torch.get_num_threads());
        Assert.Equal(["bench.json"], Directory.GetFiles(dir.Combine("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Should_time_the_fast_kernel_or_name_it_not_available_and_exit_0_When_asked_for_it()
    {
        // Given: whether this build has the fast kernel (it is being written beside the reference one)
        var missing = EngineAvailability.Check(ComputeEngine.Fast, ModelSpec.Lstm(32));

        using var dir = new TemporaryFolder();
        var json = dir.Combine("bench.json");

        // When: at train's default batch for the LSTM under the tail recipe
        var (code, output, error) = CliRunner.Run("bench", "--engine", "fast", "--epochs", "1", "--repeats", "1",
            "--scoring-beats", "256", "--threads", "1", "--train-batch", "8", "--data", TestData.DataRoot, "--json", json);

        // Then: never a crash; figures when it exists, the reason when it does not; the batch it was told
        Assert.True(code == 0, error);
        if (missing is null) Assert.Matches(@"fast: median \d+\.\d{3} s/epoch", output);
        else Assert.Contains($"fast: not available ({missing})", output);
        Assert.Contains("(batch 8)", output);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(8, report.RootElement.GetProperty("batchSize").GetInt32());
    }

    [Theory]
    [InlineData("--engine", "turbo", "--engine: unknown engine 'turbo' (expected fast, torchsharp or all)")]
    [InlineData("--engine", "auto", "--engine: unknown engine 'auto' (expected fast, torchsharp or all)")]
    [InlineData("--epochs", "0", "--epochs must be between 1 and 10000")]
    [InlineData("--scoring-beats", "0", "--scoring-beats must be 1 or more")]
    [InlineData("--train-batch", "0", "--train-batch must be between 1 and 1000000 (got 0)")]
    public void Should_exit_2_with_one_line_When_a_bench_option_value_is_unknown(string option, string value, string expected)
    {
        var (code, _, error) = CliRunner.Run("bench", option, value, "--data", TestData.DataRoot);
        BadInputTest.AssertOneLineError(code, error, expected);
    }
}
