using System.Text;
using EcgAnomaly.Cli;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// Issue 11: <c>evaluate --out</c> interrupted while it works exits 130 and leaves neither its output folder, a staging
/// folder, nor the folders it created. It shows nothing on disk while working, so the signal comes while it is known
/// to be busy: scoring 60,000 beats takes several seconds here.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class EvaluateSignalTest
{
    private const int Copies = 12;

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Should_exit_130_and_leave_nothing_When_evaluate_gets_a_signal_while_working(string signal)
    {
        // Given: ECG5000_TEST 12 times over (54,000 beats), and an output folder in folders that do not exist yet
        using var dir = new TemporaryFolder();
        var input = dir.Combine("input", "beats.tsv");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        var text = File.ReadAllText(Path.Combine(TestData.Ecg5000Folder, "ECG5000_TEST.tsv"));
        File.WriteAllText(input, new StringBuilder().Insert(0, text, Copies).ToString());
        var model = TestData.Fixture(Path.Combine("legacy-runs", "lstm8-ecg5000"));
        using var cli = new CliProcess(null, "evaluate", "--model", model, "--input", input, "--out", dir.Combine("new", "evaluation"));

        // When: it is reading and scoring
        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        Assert.True(cli.ExitCodeOrNull() is null, $"evaluate ended before the signal (exit {cli.ExitCodeOrNull()}): {cli.Error}");
        cli.Signal(signal);

        // Then
        Assert.Equal(EcgAnomalyApp.Interrupted, cli.WaitForExit());
        Assert.Contains("interrupted", cli.Error);
        Assert.Equal(["input", Path.Combine("input", "beats.tsv")], dir.Entries());
    }
}
