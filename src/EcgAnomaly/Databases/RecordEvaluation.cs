using System.Text.Json.Serialization;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>
/// What the evaluation of one record gives, and all a report is computed from: the comparison's counts, or the error
/// that stopped it. Written as records/&lt;name&gt;.json, so that shards evaluated apart merge into the same report.
/// </summary>
public sealed record RecordEvaluation
{
    /// <summary>The record's name as the database lists it.</summary>
    public required string Record { get; init; }

    /// <summary>Why the record could not be evaluated (one line naming the file), or null when it was.</summary>
    public string? Error { get; init; }

    /// <summary>Why the protocol leaves the record out (e.g. paced beats in per-patient mode), or null; not a failure.</summary>
    public string? Skipped { get; init; }

    /// <summary>The lead compared, e.g. "MLII (signal 0)".</summary>
    public string? Lead { get; init; }

    /// <summary>The lead's samples per second, in Hz.</summary>
    public double? SamplingFrequency { get; init; }

    /// <summary>The record's length in seconds.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Reference beat annotations in the whole record (the comparison counts those of the test period only).</summary>
    public long? ReferenceBeats { get; init; }

    /// <summary>Beats the algorithm annotated in the whole record.</summary>
    public long? DetectedBeats { get; init; }

    /// <summary>
    /// The beat-by-beat comparison over the test period; null when the record failed or was skipped. With the per-patient
    /// detector flagged beats are V here, so its SVEB figures are those of a detector that never says S: see
    /// <see cref="PerPatientResult.SvebCounts"/>.
    /// </summary>
    [JsonConverter(typeof(Ec57CountsJsonConverter))]
    public Ec57Counts? Counts { get; init; }

    /// <summary>The per-patient detector's own results (SVEB counts, AUCs); null for the QRS detector.</summary>
    public PerPatientResult? PerPatient { get; init; }

    /// <summary>True when the record was evaluated.</summary>
    [JsonIgnore]
    public bool Succeeded => Error is null && Skipped is null && Counts is not null;

    /// <summary>True when the record could not be evaluated (a skipped record is not a failure).</summary>
    [JsonIgnore]
    public bool HasFailed => !Succeeded && Skipped is null;

    /// <summary>The record's own statistics, written for people reading the file (a report recomputes them from the counts).</summary>
    public Ec57Statistics? Statistics => Counts is null ? null : Ec57Statistics.Of(Counts);

    /// <summary>A record that could not be evaluated.</summary>
    public static RecordEvaluation Failed(string record, string error) => new() { Record = record, Error = error };

    /// <summary>A record the protocol leaves out, with the reason.</summary>
    public static RecordEvaluation Skip(string record, string reason) => new() { Record = record, Skipped = reason };

    /// <summary>The result of a record compared on <paramref name="lead"/>: what every detector reports alike.</summary>
    internal static RecordEvaluation Of(
        string name, EcgRecording record, int lead, IReadOnlyList<WfdbAnnotation> reference, long detectedBeats, Ec57Counts counts)
    {
        var signal = record.Signals[lead];
        return new RecordEvaluation
        {
            Record = name,
            Lead = record.LeadLabel(lead),
            SamplingFrequency = signal.SamplingFrequency,
            DurationSeconds = signal.SampleCount / signal.SamplingFrequency,
            ReferenceBeats = reference.Count(a => a.IsBeat),
            DetectedBeats = detectedBeats,
            Counts = counts,
        };
    }
}
