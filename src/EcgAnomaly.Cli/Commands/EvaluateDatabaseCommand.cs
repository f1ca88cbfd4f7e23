using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Databases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary>
/// <c>ecg-anomaly evaluate-database</c>: the QRS detector (or a per-patient anomaly detector) on every annotated record
/// of a database (or a shard), compared by EC57; exit 0 when every record was evaluated, <see cref="EcgAnomalyApp.SomeRecordsFailed"/> otherwise.
/// </summary>
internal sealed class EvaluateDatabaseCommand(IAnsiConsole console) : Command<EvaluateDatabaseSettings>
{
    public override int Execute(CommandContext context, EvaluateDatabaseSettings settings, CancellationToken cancellationToken)
    {
        var shard = settings.ShardSelection;
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Database)));
        var request = new DatabaseEvaluationRequest
        {
            Database = settings.Database,
            OutputFolder = settings.Out ?? (shard is null ? $"evaluate-{name}" : $"evaluate-{name}-shard-{shard.Index}-of-{shard.Count}"),
            Records = settings.Records,
            Lead = settings.Lead,
            Shard = shard,
            Parallel = settings.Parallel ?? Environment.ProcessorCount,
            Command = CommandLine.Of(context),
            PerPatient = settings.PerPatient ? settings.PerPatientProtocol : null,
        };
        // Records train side by side, one Torch thread each: more threads per record would only fight over the cores.
        using var threads = TorchThreads.Use(settings.PerPatient ? 1 : 0);
        var title = shard is null ? $"evaluating {name}" : $"evaluating {name} (shard {shard})";
        var report = DatabaseProgressBar.Run(console, title, p => DatabaseEvaluation.Run(request, p, cancellationToken));
        return ReportSummary.Print(console, report, request.OutputFolder);
    }
}
