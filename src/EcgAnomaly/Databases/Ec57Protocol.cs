using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>
/// How every record of a database evaluation is compared, stated in its report: ANSI/AAMI EC57 as WFDB's bxb applies
/// it. Shards merge only when their protocols are equal.
/// </summary>
public sealed record Ec57Protocol
{
    /// <summary>The database's folder name, e.g. "mitdb".</summary>
    public required string Database { get; init; }

    /// <summary>The reference annotator (annotation file extension).</summary>
    public string Annotator { get; init; } = "atr";

    /// <summary>The lead asked for (name or number), or null for each record's ECG lead chosen by its description.</summary>
    public string? Lead { get; init; }

    /// <summary>The algorithm under test: what produced the test annotations.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The per-patient protocol (a detector trained on each record), or null for the QRS detector.</summary>
    public PerPatientProtocol? PerPatient { get; init; }

    /// <summary>Largest distance between a reference beat and the detection paired with it (bxb's -w).</summary>
    public double MatchWindowSeconds { get; init; } = 0.15;

    /// <summary>Start of the test period: the algorithm's learning period, not scored (bxb's -f).</summary>
    public double LearningPeriodSeconds { get; init; } = 5 * 60;

    /// <summary>What is left out of the comparison, in words.</summary>
    public string Exclusions { get; init; } =
        "beats and detections inside ventricular flutter or fibrillation (between the reference's [ and ] annotations); "
        + "no record is left out (EC57 allows leaving out MIT-BIH's paced records 102, 104, 107 and 217: choose with --records)";

    /// <summary>The comparison options for a record whose compared lead has <paramref name="samples"/> samples at
    /// <paramref name="samplingFrequency"/> Hz; the test period ends with the record, as bxb's default -t.</summary>
    public Ec57Options OptionsFor(double samplingFrequency, long samples)
    {
        var options = new Ec57Options(samplingFrequency);
        return options with
        {
            MatchWindow = options.SamplesIn(MatchWindowSeconds),
            StartSample = options.SamplesIn(LearningPeriodSeconds),
            EndSample = samples,
        };
    }
}
