using System.Text.Json.Serialization;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>
/// A database evaluation's results (report.json): every record's, and EC57's totals over the records that were
/// evaluated. Computed from the per-record results alone, so that a merge of shards gives the same report as one run.
/// </summary>
public sealed record DatabaseReport
{
    /// <summary>How the records were compared.</summary>
    public required Ec57Protocol Protocol { get; init; }

    /// <summary>The records chosen before sharding, sorted; a shard evaluates its share of these.</summary>
    public required IReadOnlyList<string> Selection { get; init; }

    /// <summary>"K/N" when this is one shard of a run, else null (a whole run, or a merge of all its shards).</summary>
    public string? Shard { get; init; }

    /// <summary>Every record of the run, sorted by name, the failed ones included.</summary>
    public required IReadOnlyList<RecordEvaluation> Records { get; init; }

    /// <summary>The counts of the evaluated records added up (sumstats' "Sum" line).</summary>
    [JsonConverter(typeof(Ec57CountsJsonConverter))]
    public required Ec57Counts Sum { get; init; }

    /// <summary>EC57's gross statistics: those of <see cref="Sum"/>.</summary>
    public required Ec57Statistics Gross { get; init; }

    /// <summary>EC57's average statistics: the mean of the evaluated records' own statistics.</summary>
    public required Ec57Statistics Average { get; init; }

    /// <summary>The per-patient protocol's totals (SVEB, AUCs), or null for the QRS detector.</summary>
    public PerPatientSummary? PerPatient { get; init; }

    /// <summary>The records that could not be evaluated, with their errors.</summary>
    public IReadOnlyList<RecordEvaluation> Failed => [.. Records.Where(r => r.HasFailed)];

    /// <summary>The records the protocol leaves out, with the reason.</summary>
    public IReadOnlyList<RecordEvaluation> Skipped => [.. Records.Where(r => r.Skipped is not null)];

    /// <summary>The report of <paramref name="results"/>, in any order; the failed ones count in no total.</summary>
    /// <exception cref="ArgumentException">Two results are of the same record.</exception>
    public static DatabaseReport From(
        Ec57Protocol protocol, IReadOnlyList<string> selection, string? shard, IEnumerable<RecordEvaluation> results)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(results);
        var sorted = results.OrderBy(r => r.Record, StringComparer.Ordinal).ToArray();
        var twice = sorted.Zip(sorted.Skip(1)).FirstOrDefault(p => p.First.Record == p.Second.Record).First;
        if (twice is not null) throw new ArgumentException($"record {twice.Record} has two results", nameof(results));
        var counts = sorted.Where(r => r.Succeeded).Select(r => r.Counts!).ToArray();
        var sum = Ec57Counts.Sum(counts);
        return new DatabaseReport
        {
            Protocol = protocol,
            Selection = [.. selection.Order(StringComparer.Ordinal)],
            Shard = shard,
            Records = sorted,
            Sum = sum,
            Gross = Ec57Statistics.Of(sum),
            Average = Ec57Statistics.Average(counts),
            PerPatient = protocol.PerPatient is null
                ? null
                : PerPatientSummary.Of(sorted.Where(r => r.Succeeded).Select(r => r.PerPatient).OfType<PerPatientResult>()),
        };
    }
}
