using EcgAnomaly.Cli;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// Issue 11: Ctrl-C or SIGTERM reaches every command, which exits 130 leaving no temporary file, staging folder,
/// partial download or work folder, nor the folders it created; a staging folder left by SIGKILL goes with the next
/// run of the same output. The real process is started, seen working, and sent the signal with kill(1).
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class SignalCleanupTest
{
    private static readonly string Model = TestData.Fixture(Path.Combine("legacy-runs", "lstm8-ecg5000"));

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Should_exit_130_and_leave_nothing_When_score_output_gets_a_signal(string signal)
    {
        // Given: scoring from a standard input that is still open, its temporary file written in folders it created
        using var dir = new TemporaryFolder();
        using var cli = new CliProcess(null, "score", "--model", Model, "--input", "-", "--output", dir.Combine("new", "scores.csv"),
            "--batch", "2");
        for (var i = 0; i < 10; i++) cli.Input.WriteLine(string.Join(",", Enumerable.Repeat("0.5", 140)));
        cli.Input.Flush();
        cli.WaitUntil(() => dir.Entries().Any(e => e.EndsWith(".tmp.csv", StringComparison.Ordinal)), "writing its temporary file");

        // When: the signal, while beats keep coming (the handler runs on its own thread, a moment later)
        cli.Signal(signal);
        cli.KeepWriting(string.Join(",", Enumerable.Repeat("0.5", 140)));

        // Then
        Assert.Equal(EcgAnomalyApp.Interrupted, cli.WaitForExit());
        Assert.Contains("interrupted", cli.Error);
        Assert.Empty(dir.Entries());
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Should_exit_130_and_leave_the_cache_as_it_was_When_download_gets_a_signal(string signal)
    {
        // Given: a server that sends the headers and the first bytes, then nothing
        using var server = new StallingServer(sendHeaders: true);
        using var dir = new TemporaryFolder();
        using var cli = new CliProcess(null, "download", "--url", server.Url, "--cache", dir.Combine("cache"), "--timeout", "60");
        cli.WaitUntil(() => dir.Entries().Any(e => e.EndsWith(".zip.partial", StringComparison.Ordinal)), "downloading");

        // When
        cli.Signal(signal);

        // Then
        Assert.Equal(EcgAnomalyApp.Interrupted, cli.WaitForExit());
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Should_exit_130_and_remove_its_work_folder_When_bench_record_gets_a_signal()
    {
        // Given: the synthetic recording being written into the temporary folder
        using var dir = new TemporaryFolder();
        var environment = new Dictionary<string, string> { ["TMPDIR"] = dir.Path };
        using var cli = new CliProcess(environment, "bench-record", "--hours", "2", "--data", TestData.DataRoot);
        cli.WaitUntil(() => dir.Entries().Any(e => e.StartsWith("ecg-anomaly-bench-", StringComparison.Ordinal)), "writing its record");

        // When
        cli.Signal("INT");

        // Then
        Assert.Equal(EcgAnomalyApp.Interrupted, cli.WaitForExit());
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Should_remove_the_staging_folder_of_a_killed_run_When_the_next_run_of_the_same_output_starts()
    {
        // Given: a training run killed outright, which could not clean up
        using var dir = new TemporaryFolder();
        var run = dir.Combine("run");
        using (var cli = new CliProcess(null, "train", "--model", "lstm", "--embedding", "8", "--epochs", "1000",
            "--data", TestData.DataRoot, "--out", run))
        {
            cli.WaitUntil(() => dir.Entries().Any(e => e.EndsWith(".partial", StringComparison.Ordinal)), "staging its run folder");
            cli.Signal("KILL");
            cli.WaitForExit();
        }
        Assert.Contains(dir.Entries(), e => e.EndsWith(".partial", StringComparison.Ordinal));

        // When
        var (code, _, error) = CliRunner.Run(
            "train", "--model", "lstm", "--embedding", "8", "--epochs", "1", "--data", TestData.DataRoot, "--out", run);

        // Then
        Assert.True(code == 0, error);
        Assert.DoesNotContain(dir.Entries(), e => e.StartsWith(".~", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(run, "model.json")));
    }
}
