using Spectre.Console;

namespace EcgAnomaly.Cli.Internal;

/// <summary>A progress bar over the samples of a record, shown only on an interactive console.</summary>
internal static class RecordProgress
{
    public static T Run<T>(IAnsiConsole console, string title, long totalSamples, Func<Action<long>, T> work)
    {
        if (!console.Profile.Capabilities.Interactive) return work(_ => { });
        return StandardProgress.For(console)
            .AutoClear(true)
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(1, totalSamples));
                var result = work(read => task.Value = Math.Min(read, task.MaxValue));
                task.Value = task.MaxValue;
                return result;
            });
    }
}
