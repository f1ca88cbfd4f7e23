using System.Runtime.Intrinsics.X86;
using System.Text.Json;
using EcgAnomaly.RunFolders;

namespace EcgAnomaly.Tests.Cli;

/// <summary>The README's claim that the default engine (auto) trains the LSTM on the fast engine where it applies.</summary>
public sealed class EngineChoiceTest
{
    [Fact]
    public void Should_record_the_fast_engine_in_metrics_json_When_train_runs_an_lstm_with_the_default_engine()
    {
        // Given: the shared one-epoch run (train --model lstm --embedding 32, no --engine, so auto)
        var (code, _, error, folder) = OneEpochRun.Result;
        Assert.True(code == 0, error);

        // When
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, RunFiles.Metrics)));

        // Then: this project's machines have AVX2/FMA and E=32 is a multiple of 8, so auto must have picked fast
        Assert.True(Avx2.IsSupported && Fma.IsSupported, "this machine lacks AVX2/FMA, so the fast engine cannot be shown to be picked");
        Assert.Equal("fast", metrics.RootElement.GetProperty("engine").GetString());
    }

    [Fact]
    public void Should_record_torchsharp_When_train_is_told_to_use_the_reference_engine()
    {
        // Given
        using var root = new TemporaryFolder();

        // When
        var (code, _, error) = CliRunner.Run("train", "--embedding", "8", "--epochs", "1", "--protocol", "official",
            "--kernel", "reference", "--data", TestData.DataRoot, "--out", root.Combine("run"));

        // Then
        Assert.True(code == 0, error);
        using var metrics = JsonDocument.Parse(File.ReadAllText(root.Combine("run", RunFiles.Metrics)));
        Assert.Equal("torchsharp", metrics.RootElement.GetProperty("engine").GetString());
    }
}
