namespace EcgAnomaly.Databases;

/// <summary>What <see cref="DatabaseEvaluation.Run"/> evaluates and where it writes.</summary>
public sealed record DatabaseEvaluationRequest
{
    /// <summary>The database folder (records as WFDB files, with reference annotations).</summary>
    public required string Database { get; init; }

    /// <summary>The folder to create for the report; it must be absent or empty.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Comma-separated record names to evaluate, or null for every annotated record.</summary>
    public string? Records { get; init; }

    /// <summary>The lead to compare, by name or number, or null for each record's ECG lead chosen by its description.</summary>
    public string? Lead { get; init; }

    /// <summary>Only this shard of the chosen records, or null for all of them.</summary>
    public ShardSelection? Shard { get; init; }

    /// <summary>How many records are evaluated at once.</summary>
    public int Parallel { get; init; } = Environment.ProcessorCount;

    /// <summary>The algorithm under test.</summary>
    public ITestAnnotator Annotator { get; init; } = new QrsTestAnnotator();

    /// <summary>
    /// The per-patient protocol: a detector trained on each record's first minutes is the algorithm under test, in place
    /// of <see cref="Annotator"/>. Null: the annotator. Records train side by side: set Torch to one thread per record
    /// (the CLI does), or each record's training competes with the others for every core.
    /// </summary>
    public PerPatientProtocol? PerPatient { get; init; }

    /// <summary>The command line that asked for the run, stated in report.md.</summary>
    public string? Command { get; init; }
}
