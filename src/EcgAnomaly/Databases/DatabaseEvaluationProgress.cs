namespace EcgAnomaly.Databases;

/// <summary>Where a database evaluation stands: the record that moved last and its stage, and the work done overall.</summary>
/// <param name="Record">The record that reported last.</param>
/// <param name="Stage">What it is doing: "reading", "detecting beats" (QRS detector) or "training" and
/// "scoring" (per-patient detector), "comparing", "done", "skipped" or "failed".</param>
/// <param name="RecordsDone">Records done, counting each running record by the fraction of its samples read.</param>
/// <param name="Records">Records in this run (this shard's).</param>
public readonly record struct DatabaseEvaluationProgress(string Record, string Stage, double RecordsDone, int Records);
