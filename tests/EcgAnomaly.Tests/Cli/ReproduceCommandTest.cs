using EcgAnomaly.RunFolders;
using System.Diagnostics;
using System.Text.Json;
using EcgAnomaly.Runs;

namespace EcgAnomaly.Tests.Cli;

[Collection(SharedTorch.Name)]
public sealed class ReproduceCommandTest
{
    private static readonly string[] Arguments = ["reproduce", "--only", "transformer-ae", "--seeds", "1", "--epochs", "5"];

    [Fact]
    public void Should_finish_with_the_same_results_as_an_uninterrupted_run_When_killed_mid_run_and_started_again()
    {
        // Given: an uninterrupted reproduction
        using var dir = new TemporaryFolder();
        var straight = dir.Combine("straight");
        var (code, _, error) = CliRunner.Run([.. Arguments, "--out", straight, "--data", TestData.DataRoot]);
        Assert.True(code == 0, error);

        // When: the same reproduction, killed (SIGKILL) once its checkpoint holds two epochs, then started again
        var resumed = dir.Combine("resumed");
        var killedAt = RunAndKill(
            [.. Arguments, "--out", resumed, "--data", TestData.DataRoot],
            Path.Combine(resumed, "checkpoints", "transformer-ae-seed1", "current", "state.bin"),
            epochs: 2);
        Assert.False(
            File.Exists(Path.Combine(resumed, "runs", "transformer-ae-seed1", RunFiles.Metrics)), "the run finished before it was killed");
        (code, var output, error) = CliRunner.Run([.. Arguments, "--out", resumed, "--data", TestData.DataRoot]);
        Assert.True(code == 0, error);

        // Then: the restart continued (it did not redo the finished epochs) and ended where the straight run did
        Assert.Contains($"({killedAt} of 5 epochs already done)", output);
        Assert.DoesNotContain("epoch    1/5", output);
        Assert.Equal(Losses(straight), Losses(resumed));
        Assert.Equal(Aucs(straight), Aucs(resumed));
        Assert.False(Directory.Exists(Path.Combine(resumed, "checkpoints", "transformer-ae-seed1")));
    }

    [Fact]
    public void Should_exit_2_with_the_valid_names_When_only_names_an_unknown_configuration()
    {
        var (code, _, error) = CliRunner.Run("reproduce", "--only", "gru32", "--data", TestData.DataRoot);
        BadInputTest.AssertOneLineError(code, error, "unknown configuration 'gru32' (expected any of lstm32");
    }

    /// <summary>
    /// Starts the CLI as a separate process and kills it once the checkpoint file records at least
    /// <paramref name="epochs"/> epochs.
    /// </summary>
    private static int RunAndKill(string[] args, string checkpoint, int epochs)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecg-anomaly.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (clock.Elapsed < TimeSpan.FromMinutes(3) && !process.HasExited)
        {
            done = CheckpointEpoch(checkpoint);
            if (done >= epochs) break;
            Thread.Sleep(20);
        }
        Assert.False(process.HasExited, "the process ended before it could be killed");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return Math.Max(done, CheckpointEpoch(checkpoint));
    }

    private static int CheckpointEpoch(string file)
    {
        try
        {
            using var reader = new BinaryReader(File.Open(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            reader.ReadInt32();
            return reader.ReadInt32();
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string[] Losses(string folder) =>
        File.ReadAllLines(Path.Combine(folder, "runs", "transformer-ae-seed1", RunFiles.History))
            .Select(l => string.Join(",", l.Split(',')[..3])).ToArray();

    private static (double, double) Aucs(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, Reproduction.ResultsJson)));
        var row = doc.RootElement.GetProperty("configurations")[0];
        return (row.GetProperty("rocAucMean").GetDouble(), row.GetProperty("rocAucBestMean").GetDouble());
    }
}
