using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Databases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary>
/// <c>ecg-anomaly merge-shards</c>: the shards of an evaluate-database run merged into the report of the whole run;
/// exit 0 when every record was evaluated, <see cref="EcgAnomalyApp.SomeRecordsFailed"/> otherwise.
/// </summary>
internal sealed class MergeShardsCommand(IAnsiConsole console) : Command<MergeShardsSettings>
{
    public override int Execute(CommandContext context, MergeShardsSettings settings, CancellationToken cancellationToken)
    {
        var report = DatabaseMerge.Run(settings.Folders, settings.Out, CommandLine.Of(context), cancellationToken);
        return ReportSummary.Print(console, report, settings.Out);
    }
}
