using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Internal;

/// <summary>The command line as typed, for a report to state how it was made (quoted where a shell would need it).</summary>
internal static class CommandLine
{
    public static string Of(CommandContext context) =>
        "ecg-anomaly " + string.Join(" ", context.Arguments.Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./,=:+@%".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
