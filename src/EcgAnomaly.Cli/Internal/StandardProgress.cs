using Spectre.Console;

namespace EcgAnomaly.Cli.Internal;

/// <summary>The progress display every slow verb uses: what, bar, percentage, time left and time spent.</summary>
internal static class StandardProgress
{
    public static Progress For(IAnsiConsole console) =>
        console.Progress()
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RemainingTimeColumn(),
                new ElapsedTimeColumn());
}
