using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// The real ecg-anomaly process, for what only a process can show: signals (sent with kill(1)) and what is left on
/// disk afterwards. Killed on dispose if still running, so a failing test never leaves it behind.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _error = new();

    public CliProcess(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        // env puts SIGINT/SIGTERM back to their defaults: a suite run in the background inherits SIGINT ignored, and the
        // CLI, like any Unix program, keeps an ignore it was started with.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--default-signal=INT,TERM");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecg-anomaly.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_error) _error.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public TextWriter Input => _process.StandardInput;

    public string Error
    {
        get
        {
            lock (_error) return _error.ToString();
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails if it does not within the time or the process ended.</summary>
    public void WaitUntil(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (!condition())
        {
            Assert.False(_process.HasExited, $"the process ended before {what}; exit {ExitCodeOrNull()}; stderr: {Error}");
            Assert.True(DateTime.UtcNow < deadline, $"not {what} in time; stderr: {Error}");
            Thread.Sleep(50);
        }
    }

    public void Signal(string signal)
    {
        var start = new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture) } };
        using var kill = Process.Start(start)!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} failed with {kill.ExitCode}");
    }

    /// <summary>Writes <paramref name="line"/> to standard input every 50 ms until the process ends (at most 30 s), then closes it.</summary>
    public void KeepWriting(string line)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        try
        {
            while (!_process.HasExited && DateTime.UtcNow < deadline)
            {
                _process.StandardInput.WriteLine(line);
                _process.StandardInput.Flush();
                Thread.Sleep(50);
            }
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process ended and closed its end of the pipe.
        }
    }

    /// <summary>Waits for the exit (at most 60 s) and returns the exit code.</summary>
    public int WaitForExit()
    {
        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(60)), $"still running 60 s later; stderr: {Error}");
        _process.WaitForExit(); // flushes the asynchronous readers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    /// <summary>The exit code, or null while the process runs.</summary>
    public int? ExitCodeOrNull() => _process.HasExited ? _process.ExitCode : null;
}
