using System.Globalization;
using EcgAnomaly.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary>
/// <c>ecg-anomaly models</c>: the catalogue with parameter counts computed from the real modules, and the model families.
/// </summary>
internal sealed class ModelsCommand(IAnsiConsole console) : Command<EmptyCommandSettings>
{
    public override int Execute(CommandContext context, EmptyCommandSettings settings, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("name", "model", "parameters", "study: AUC claimed", "study's code: AUC in our run");
        foreach (var entry in ModelCatalogue.All)
        {
            using var model = entry.Spec.Build();
            table.AddRow(
                Markup.Escape(entry.Name),
                Markup.Escape(entry.Spec.DisplayName),
                ParameterCount.Of(model).ToString("N0", CultureInfo.InvariantCulture),
                entry.StudyClaimedAuc?.ToString("0.000", CultureInfo.InvariantCulture) ?? "(new)",
                string.Join(" / ", entry.StudyMeasuredAucs.Select(a => a.ToString("0.0000", CultureInfo.InvariantCulture))));
        }
        console.Write(table);
        console.WriteLine("Model families (train --model): "
            + string.Join("; ", ModelFamilies.All.Select(f => $"{f.Kind}, {f.Description}")) + ".");
        return 0;
    }
}
