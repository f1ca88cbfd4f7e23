using EcgAnomaly.RunFolders;
using System.Text.Json;

namespace EcgAnomaly.Tests.Cli;

[Collection(SharedTorch.Name)]
public sealed class EvaluateCommandTest
{
    [Fact]
    public void Should_reproduce_the_run_metrics_and_write_plots_When_evaluating_the_runs_own_test_set()
    {
        // Given: the one-epoch seed-protocol run, whose test set is ECG5000_TRAIN
        var (code, _, error, run) = OneEpochRun.Result;
        Assert.True(code == 0, error);
        using var dir = new TemporaryFolder();
        var outFolder = dir.Combine("eval");

        // When
        (code, var output, error) = CliRunner.Run(
            "evaluate", "--model", run, "--input", Path.Combine(TestData.Ecg5000Folder, "ECG5000_TRAIN.txt"), "--out", outFolder);

        // Then
        Assert.True(code == 0, error);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, RunFiles.Metrics)));
        using var evaluation = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "evaluation.json")));
        foreach (var key in new[] { "rocAuc", "prAuc", "precision", "recall", "f1", "threshold" })
            Assert.Equal(metrics.RootElement.GetProperty(key).GetDouble(), evaluation.RootElement.GetProperty(key).GetDouble(), 9);
        Assert.Equal(500, evaluation.RootElement.GetProperty("beats").GetInt32());
        Assert.True(File.Exists(Path.Combine(outFolder, RunFiles.RocPlot)));
        Assert.True(File.Exists(Path.Combine(outFolder, RunFiles.HistogramPlot)));
        Assert.Contains("ROC AUC", output);
    }

    [Fact]
    public void Should_exit_2_When_the_input_has_only_one_class()
    {
        var (_, _, _, run) = OneEpochRun.Result;
        using var dir = new TemporaryFolder();
        var row = "1\t" + string.Join("\t", Enumerable.Repeat("0.5", 140));
        var file = dir.Write("normals.tsv", row + "\n" + row + "\n");

        var (code, _, error) = CliRunner.Run("evaluate", "--model", run, "--input", file);

        BadInputTest.AssertOneLineError(code, error, "needs both normal (class 1) and abnormal beats");
    }
}
