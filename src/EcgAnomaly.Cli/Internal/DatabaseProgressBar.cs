using EcgAnomaly.Databases;
using Spectre.Console;

namespace EcgAnomaly.Cli.Internal;

/// <summary>
/// One bar over the records of a database evaluation, shown only on an interactive console: records done (each running
/// one counted by the part of it read), the record that moved last and its stage, time left and time spent.
/// </summary>
internal static class DatabaseProgressBar
{
    public static T Run<T>(IAnsiConsole console, string title, Func<Action<DatabaseEvaluationProgress>, T> work)
    {
        if (!console.Profile.Capabilities.Interactive) return work(_ => { });
        return StandardProgress.For(console)
            .AutoClear(true)
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                var result = work(p =>
                {
                    task.MaxValue = Math.Max(1, p.Records);
                    task.Value = Math.Min(p.RecordsDone, task.MaxValue);
                    task.Description = Markup.Escape($"{title}: {Math.Floor(p.RecordsDone):0}/{p.Records}, {p.Record} {p.Stage}");
                });
                task.Value = task.MaxValue;
                return result;
            });
    }
}
