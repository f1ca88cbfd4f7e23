using EcgAnomaly.Detection;
using EcgAnomaly.Signals;
using EcgAnomaly.Training;

namespace EcgAnomaly.Recordings;

/// <summary>What <see cref="RecordScoring"/> needs. Null lead, window or start mean: take them from the model's
/// model.json (a model trained on a record remembers its lead, its beat window and the minutes it learned from).
/// <see cref="Ectopy"/>: the population classifier that labels each beat V, S or N (it needs a model trained on this
/// record, whose dominant QRS shape it compares with): a file of <c>fit-ectopy</c>, "built-in"
/// (<see cref="Ectopy.EctopicClassifier.BuiltIn"/>) or "none"; null: the built-in one when the model learned this
/// record, none otherwise.</summary>
public sealed record RecordScoringRequest(
    string RunFolder,
    string RecordPath,
    string OutputFolder,
    string? Lead = null,
    BeatWindow? Window = null,
    double? FromMinutes = null,
    ThresholdPolicy? Policy = null,
    ComputeEngine Engine = ComputeEngine.Auto,
    int BatchSize = 512,
    int Strips = 3,
    string? Ectopy = null);
