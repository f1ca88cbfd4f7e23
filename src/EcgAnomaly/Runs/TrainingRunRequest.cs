using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Models;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Training;

namespace EcgAnomaly.Runs;

/// <summary>Everything a training run needs: the data split, what to build, how to train, and where to write.</summary>
public sealed record TrainingRunRequest(
    DataSplit Split,
    ModelSpec Spec,
    TrainingOptions Options,
    ThresholdPolicy ThresholdPolicy,
    RunDescription Description,
    string OutputFolder,
    string Normalisation = Data.BeatNormalisation.None,
    RecordTraining? Record = null);
