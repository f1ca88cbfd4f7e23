using System.Globalization;
using EcgAnomaly.Databases;
using Spectre.Console;

namespace EcgAnomaly.Cli.Internal;

/// <summary>What evaluate-database and merge-shards print when done, and the exit code the report calls for.</summary>
internal static class ReportSummary
{
    public static int Print(IAnsiConsole console, DatabaseReport report, string folder)
    {
        var evaluated = report.Records.Count(r => r.Succeeded);
        console.MarkupLineInvariant(
            $"[bold]{evaluated}[/] of {report.Records.Count} records of {report.Protocol.Database} evaluated; ",
            $"gross QRS sensitivity [bold]{Percent(report.Gross.QrsSensitivity)}[/], ",
            $"positive predictivity [bold]{Percent(report.Gross.QrsPositivePredictivity)}[/] ",
            $"(average {Percent(report.Average.QrsSensitivity)}, {Percent(report.Average.QrsPositivePredictivity)})");
        if (report.PerPatient is { } pp)
        {
            console.MarkupLineInvariant(
                $"gross VEB sensitivity [bold]{Percent(report.Gross.VebSensitivity)}[/], ",
                $"positive predictivity [bold]{Percent(report.Gross.VebPositivePredictivity)}[/]; ",
                $"gross SVEB sensitivity [bold]{Percent(pp.SvebGross.SvebSensitivity)}[/], ",
                $"positive predictivity [bold]{Percent(pp.SvebGross.SvebPositivePredictivity)}[/]; ",
                $"mean AUC N vs V {Auc(pp.VebAucMean)}, N vs S {Auc(pp.SvebAucMean)}");
        }
        foreach (var skipped in report.Skipped)
            console.MarkupLineInvariant($"record {skipped.Record} skipped: {skipped.Skipped}");
        foreach (var failed in report.Failed)
            console.MarkupLineInvariant($"[red]record {failed.Record} failed[/]: {failed.Error}");
        var ectopic = report.PerPatient is null ? "" : ", " + DatabaseReportFiles.EctopicPlot;
        console.MarkupLineInvariant(
            $"written to [bold]{folder}[/]: {DatabaseReportFiles.ReportMarkdown}, {DatabaseReportFiles.ReportJson}, ",
            $"{DatabaseReportFiles.RecordsCsv}, {DatabaseReportFiles.RecordsFolder}/, {DatabaseReportFiles.QrsPlot}{ectopic}");
        return report.Failed.Count == 0 ? 0 : EcgAnomalyApp.SomeRecordsFailed;
    }

    private static string Auc(double? auc) => auc?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-";

    private static string Percent(double? fraction) =>
        fraction is { } f ? (100 * f).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "-";
}
