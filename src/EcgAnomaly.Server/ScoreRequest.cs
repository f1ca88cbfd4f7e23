namespace EcgAnomaly.Server;

/// <summary>The JSON body of <c>POST /api/score</c>: a model (run folder name) and beats of one length.</summary>
/// <param name="Model">The run folder's name under the served runs folder.</param>
/// <param name="Beats">The beats, each an array of samples as the model's training beats were (ECG5000: 140).</param>
public sealed record ScoreRequest(string? Model, float[][]? Beats);
