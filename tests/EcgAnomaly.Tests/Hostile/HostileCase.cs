namespace EcgAnomaly.Tests.Hostile;

/// <summary>
/// One bad input: what to lay out in a fresh workspace and which command to run on it, and what must come of it.
/// </summary>
/// <param name="Name">What is wrong, in a few words (the test case's name).</param>
/// <param name="Arrange">Writes the inputs into the workspace and returns the command's arguments.</param>
/// <param name="ExitCode">2 for bad input, 130 for an interruption.</param>
/// <param name="Words">Words the one line on stderr must contain (the file, the option or the problem).</param>
/// <param name="InProcess">Run inside the test process (fast); false runs the real executable, for hangs and limits.</param>
/// <param name="Input">Text written to the command's standard input (real process only); null leaves it empty.</param>
/// <param name="ClosedInput">Start the real process with standard input closed (<c>&lt;&amp;-</c>), not merely empty.</param>
public sealed record HostileCase(
    string Name,
    Func<HostileWorkspace, string[]> Arrange,
    int ExitCode,
    string Words,
    bool InProcess = true,
    string? Input = null,
    bool ClosedInput = false)
{
    public override string ToString() => Name;
}
