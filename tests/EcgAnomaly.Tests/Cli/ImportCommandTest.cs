using System.Globalization;
using System.Text.Json;
using EcgAnomaly.Evaluation;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// A state dict trained by PyTorch itself (Fixtures/make_pytorch_trained_fixture.py, Debian python3-torch 1.13), with
/// PyTorch's scores of ECG5000_TRAIN and scikit-learn's AUC of them.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class ImportCommandTest
{
    [Fact]
    public void Should_score_like_pytorch_When_a_pytorch_trained_state_dict_is_imported()
    {
        // Given
        using var dir = new TemporaryFolder();
        using var expected = JsonDocument.Parse(File.ReadAllText(TestData.Fixture("pytorch_lstm32_trained.json")));
        var run = dir.Combine("imported");

        // When
        var (code, _, error) = CliRunner.Run(
            "import",
            "--pytorch", TestData.Fixture("pytorch_lstm32_trained.pt"),
            "--model", "lstm",
            "--embedding", "32",
            "--out", run,
            "--data", TestData.DataRoot);
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run(
            "score",
            "--model", run,
            "--input", Path.Combine(TestData.Ecg5000Folder, "ECG5000_TRAIN.tsv"),
            "--output", dir.Combine("scores.csv"));
        Assert.True(code == 0, error);

        // Then
        var rows = File.ReadAllLines(dir.Combine("scores.csv"))[1..].Select(r => r.Split(',')).ToArray();
        var scores = rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
        var labels = rows.Select(r => r[4] == "1" ? 0 : 1).ToArray();
        var theirs = expected.RootElement.GetProperty("scores").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(500, theirs.Length);
        Assert.Equal(theirs.Length, scores.Length);
        for (var i = 0; i < scores.Length; i++)
            Assert.True(Math.Abs(scores[i] - theirs[i]) <= 1e-4 * theirs[i], $"beat {i}: {scores[i]} vs PyTorch {theirs[i]}");
        Assert.Equal(expected.RootElement.GetProperty("rocAuc").GetDouble(), RankingMetrics.RocAuc(scores, labels), 0.001);
    }

    [Fact]
    public void Should_exit_2_and_write_nothing_When_the_state_dict_belongs_to_another_size()
    {
        using var dir = new TemporaryFolder();
        var (code, _, error) = CliRunner.Run("import", "--pytorch", TestData.Fixture("pytorch_lstm32_trained.pt"), "--embedding", "64",
            "--out", dir.Combine("imported"), "--data", TestData.DataRoot);
        BadInputTest.AssertOneLineError(code, error, "weights do not load into the lstm64 model");
        Assert.Empty(dir.Entries());
    }
}
