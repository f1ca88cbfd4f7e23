using System.Diagnostics;
using System.Text.RegularExpressions;
using EcgAnomaly.Cli;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// README: "Ctrl-C [exits] with 130" and a run folder "appears only when complete (it is written under a hidden name and
/// renamed)". The real ecg-anomaly process is started, interrupted mid-training with a signal sent by kill(1), and
/// must exit 130 leaving neither the run folder nor its hidden staging folder nor any temporary file.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed partial class InterruptTest
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Should_exit_130_and_leave_nothing_When_train_gets_a_signal_mid_run(string signal)
    {
        // Given: a long training run, started as its own process, that has printed an epoch line
        using var dir = new TemporaryFolder();
        var run = dir.Combine("run");
        using var process = StartCli(
            "train", "--model", "lstm", "--embedding", "8", "--epochs", "1000", "--data", TestData.DataRoot, "--out", run);
        var epochSeen = new ManualResetEventSlim();
        var error = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null && EpochLine().IsMatch(e.Data)) epochSeen.Set(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Assert.True(
                epochSeen.Wait(TimeSpan.FromMinutes(2)), $"no epoch line within 2 minutes; exited: {process.HasExited}; stderr: {error}");
            Assert.False(process.HasExited, "the run ended before it could be interrupted");
            Assert.Contains(dir.Entries(), e => e.EndsWith(".partial", StringComparison.Ordinal)); // its staging folder, mid-run

            // When
            SendSignal(process.Id, signal);
            var exited = process.WaitForExit(TimeSpan.FromSeconds(60));

            // Then
            Assert.True(exited, $"still running 60 s after SIG{signal}");
            process.WaitForExit(); // flushes the asynchronous readers
            Assert.True(process.ExitCode == EcgAnomalyApp.Interrupted, $"exit code {process.ExitCode}; stderr: {error}");
            Assert.Contains("interrupted", error.ToString());
            Assert.False(Directory.Exists(run), "the run folder exists");
            Assert.Empty(dir.Entries()); // no hidden .~*.partial folder, no temporary file
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
    }

    private static Process StartCli(params string[] args)
    {
        // A test run started in the background (nohup, '&' without job control) inherits SIGINT ignored, and a Unix
        // program keeps a signal ignored that was ignored when it started; env puts back the default, as a terminal has.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--default-signal=INT,TERM");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecg-anomaly.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    private static void SendSignal(int pid, string signal)
    {
        var start = new ProcessStartInfo("kill")
        {
            ArgumentList = { "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        using var kill = Process.Start(start)!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {pid} failed with {kill.ExitCode}");
    }

    [GeneratedRegex(@"^epoch +\d+/1000 ")]
    private static partial Regex EpochLine();
}
