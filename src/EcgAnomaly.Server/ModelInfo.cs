namespace EcgAnomaly.Server;

/// <summary>One entry of <c>GET /api/models</c>.</summary>
/// <param name="Name">The run folder's name, what <c>POST /api/score</c> takes as its model.</param>
/// <param name="Architecture">The model family and size (for example lstm32).</param>
/// <param name="BeatLength">The samples per beat it scores.</param>
/// <param name="Threshold">Its threshold.</param>
/// <param name="ThresholdPolicy">How the threshold was chosen.</param>
/// <param name="Members">Networks whose mean score it gives: 1, or an ensemble's size (<c>train --ensemble K</c>).</param>
public sealed record ModelInfo(string Name, string Architecture, int BeatLength, double Threshold, string ThresholdPolicy, int Members);
