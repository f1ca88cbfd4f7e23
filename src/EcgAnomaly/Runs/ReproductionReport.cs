using System.Globalization;
using System.Text;

namespace EcgAnomaly.Runs;

/// <summary>results.md and results.json of a reproduction.</summary>
public sealed record ReproductionReport(
    int Epochs, int Seeds, string Protocol, DateTimeOffset UpdatedUtc, IReadOnlyList<ConfigurationResult> Configurations)
{
    /// <summary>results.md: one table row per configuration, ROC AUC mean ± sd over the finished seeds beside the study's.</summary>
    public string Markdown()
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append("# The study's table, rebuilt\n\n");
        md.Append(c, $"{Protocol} protocol, {Epochs} epochs per run, seeds 1, 2, 3, ... (column 'seeds'); ");
        md.Append(c, $"updated {UpdatedUtc:yyyy-MM-dd HH:mm} UTC. ");
        md.Append("ROC AUC of the last-epoch model (the study's choice) and of the best-validation-epoch model, ");
        md.Append("mean ± sd over the finished seeds.\n\n");
        md.Append("| configuration | parameters | seeds | ROC AUC, last epoch | ROC AUC, best validation | s/epoch | study claimed ");
        md.Append("| study's code, our run |\n");
        md.Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var r in Configurations)
        {
            var measured = r.StudyMeasuredAucs.Count == 0
                ? ""
                : string.Join(" / ", r.StudyMeasuredAucs.Select(a => a.ToString("0.0000", c)));
            var claimed = r.StudyClaimedAuc is double claim ? claim.ToString("0.000", c) : "";
            var last = r.SeedsDone == 0 ? "" : $"{r.RocAucMean:0.0000} ± {r.RocAucSd:0.0000}";
            var best = r.SeedsDone == 0 ? "" : $"{r.RocAucBestMean:0.0000} ± {r.RocAucBestSd:0.0000}";
            var seconds = r.SeedsDone == 0 ? "" : r.SecondsPerEpoch.ToString("0.00", c);
            md.Append(c, $"| {r.Model} | {r.Parameters:N0} | {r.SeedsDone} | {last} | {best} | {seconds} | {claimed} | {measured} |\n");
        }
        return md.ToString();
    }
}
