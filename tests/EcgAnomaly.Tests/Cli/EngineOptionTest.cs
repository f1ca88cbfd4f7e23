using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Training;

namespace EcgAnomaly.Tests.Cli;

/// <summary>--engine, its old name --kernel, and reference, the old name of torchsharp, all select the same engine.</summary>
[Collection(SharedTorch.Name)]
public sealed class EngineOptionTest
{
    [Theory]
    [InlineData("auto", ComputeEngine.Auto)]
    [InlineData("fast", ComputeEngine.Fast)]
    [InlineData("torchsharp", ComputeEngine.TorchSharp)]
    [InlineData("reference", ComputeEngine.TorchSharp)]
    public void Should_name_the_library_engine_When_parsing_an_engine_name(string name, ComputeEngine expected)
    {
        // When
        var known = EngineNames.TryParse(name, out var engine);

        // Then
        Assert.True(known);
        Assert.Equal(expected, engine);
    }

    [Theory]
    [InlineData("all", new[] { ComputeEngine.TorchSharp, ComputeEngine.Fast })]
    [InlineData("torchsharp", new[] { ComputeEngine.TorchSharp })]
    [InlineData("reference", new[] { ComputeEngine.TorchSharp })]
    [InlineData("fast", new[] { ComputeEngine.Fast })]
    public void Should_list_the_engines_to_time_When_bench_names_them(string name, ComputeEngine[] expected)
    {
        Assert.True(EngineNames.TryParseToTime(name, out var engines));
        Assert.Equal(expected, engines);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("Fast")]
    [InlineData("turbo")]
    [InlineData("")]
    public void Should_refuse_the_name_When_it_is_no_engine_to_run_with(string name) =>
        Assert.False(EngineNames.TryParse(name, out _));

    [Theory]
    [InlineData("auto")]
    [InlineData("turbo")]
    public void Should_refuse_the_name_When_it_is_no_engine_to_time(string name) =>
        Assert.False(EngineNames.TryParseToTime(name, out _));

    [Fact]
    public void Should_print_torchsharp_When_naming_the_reference_engine() =>
        Assert.Equal("torchsharp", EngineNames.NameOf(ComputeEngine.TorchSharp));

    [Fact]
    public void Should_score_identically_When_torchsharp_is_chosen_by_engine_or_kernel_or_reference()
    {
        // Given: the one-epoch run and a few of its test beats
        var (code, _, error, run) = OneEpochRun.Result;
        Assert.True(code == 0, error);
        using var dir = new TemporaryFolder();
        var input = Path.Combine(TestData.Ecg5000Folder, "ECG5000_TRAIN.arff");
        string[][] choices =
        [
            ["--engine", "torchsharp"],
            ["--kernel", "torchsharp"],
            ["--engine", "reference"],
            ["--kernel", "reference"],
        ];

        // When
        var outputs = choices.Select((choice, i) =>
        {
            var output = dir.Combine($"scores-{i}.csv");
            var (c, _, e) = CliRunner.Run(
                ["score", "--model", run, "--input", input, "--output", output, "--device", "cpu", "--threads", "1", .. choice]);
            Assert.True(c == 0, string.Join(" ", choice) + ": " + e);
            return File.ReadAllText(output);
        }).ToList();

        // Then
        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
        Assert.Equal(501, outputs[0].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Should_score_with_either_flag_name_When_choosing_the_fast_or_auto_engine()
    {
        // Given
        var (code, _, error, run) = OneEpochRun.Result;
        Assert.True(code == 0, error);
        using var dir = new TemporaryFolder();
        var input = Path.Combine(TestData.Ecg5000Folder, "ECG5000_TRAIN.arff");

        // When
        var results = new[] { ("--engine", "fast"), ("--kernel", "fast"), ("--engine", "auto"), ("--kernel", "auto") }
            .Select((choice, i) =>
                CliRunner.Run("score", "--model", run, "--input", input, "--output", dir.Combine($"s{i}.csv"), choice.Item1, choice.Item2))
            .ToList();

        // Then: the same outcome under both names (fast may be missing on a CPU without AVX2/FMA: then the same refusal)
        Assert.Equal(results[0].ExitCode, results[1].ExitCode);
        Assert.Equal(results[0].Error, results[1].Error);
        Assert.All(results.Skip(2), r => Assert.True(r.ExitCode == 0, r.Error));
        if (results[0].ExitCode == 0) Assert.Equal(File.ReadAllText(dir.Combine("s0.csv")), File.ReadAllText(dir.Combine("s1.csv")));
    }
}
