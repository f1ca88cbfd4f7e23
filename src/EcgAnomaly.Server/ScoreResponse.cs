namespace EcgAnomaly.Server;

/// <summary>What <c>POST /api/score</c> returns: the numbers <c>ecg-anomaly score</c> writes, beat by beat.</summary>
/// <param name="Model">The run folder that scored them.</param>
/// <param name="Threshold">The model's threshold; a beat whose score is above it is abnormal.</param>
/// <param name="ThresholdPolicy">How the threshold was chosen (model.json's policy).</param>
/// <param name="Beats">How many beats were scored.</param>
/// <param name="Flagged">How many of them are abnormal.</param>
/// <param name="Scores">Each beat's score (reconstruction error), in request order.</param>
/// <param name="Abnormal">Whether each beat's score is above the threshold.</param>
public sealed record ScoreResponse(
    string Model, double Threshold, string ThresholdPolicy, int Beats, int Flagged, IReadOnlyList<double> Scores,
    IReadOnlyList<bool> Abnormal);
