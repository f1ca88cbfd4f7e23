namespace EcgAnomaly.Server;

/// <summary>The state of one uploaded recording being scored, as <c>GET /api/records/{id}</c> gives it.</summary>
/// <param name="Id">The job's id, also the scored recording's name in the viewer when it is done.</param>
/// <param name="Status">queued, running, done or failed.</param>
/// <param name="Model">The run folder scoring it.</param>
/// <param name="Error">Why it failed (one line); null otherwise.</param>
/// <param name="Viewer">The viewer page of the result once done; null before.</param>
public sealed record RecordJob(string Id, string Status, string Model, string? Error = null, string? Viewer = null)
{
    /// <summary>The output of <c>record</c> (its summary.json) once done; null before.</summary>
    public System.Text.Json.Nodes.JsonObject? Summary { get; init; }
}
