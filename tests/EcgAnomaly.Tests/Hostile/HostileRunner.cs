using System.Diagnostics;
using EcgAnomaly.Tests.Cli;

namespace EcgAnomaly.Tests.Hostile;

/// <summary>
/// Runs a hostile case and checks the promise the README makes for bad input: the expected exit code, one line on
/// stderr that says what is wrong, no stack trace, nothing left behind and every input byte-identical afterwards.
/// </summary>
internal static class HostileRunner
{
    /// <summary>A real process that has not answered by then is killed and the case fails as a hang.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static void Check(HostileCase hostile)
    {
        // Given
        using var workspace = new HostileWorkspace();
        var args = hostile.Arrange(workspace);
        var before = workspace.Fingerprint();

        // When
        var (code, error) = hostile.InProcess ? RunInProcess(args) : RunProcess(args, hostile.Input, hostile.ClosedInput);

        // Then
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(code == hostile.ExitCode, $"exit code {code}, expected {hostile.ExitCode}; stderr: {error}");
        Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}: {error}");
        Assert.StartsWith("ecg-anomaly: ", lines[0]);
        Assert.True(lines[0].Contains(hostile.Words, StringComparison.Ordinal), $"\"{hostile.Words}\" not in: {lines[0]}");
        Assert.DoesNotContain(" at ", lines[0]);
        Assert.Equal(before, workspace.Fingerprint());
    }

    private static (int Code, string Error) RunInProcess(string[] args)
    {
        var (code, _, error) = CliRunner.Run(args);
        return (code, error);
    }

    private static (int Code, string Error) RunProcess(string[] args, string? input, bool closedInput)
    {
        var start = new ProcessStartInfo(closedInput ? "bash" : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (closedInput)
        {
            // bash closes descriptor 0 and then becomes dotnet: the command starts with no standard input at all.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec \"$0\" \"$@\" <&-");
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecg-anomaly.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"no answer within {Timeout.TotalSeconds} s (a hang): {string.Join(' ', args)}");
        }
        output.Wait();
        return (process.ExitCode, error.Result);
    }
}
