namespace EcgAnomaly.RunFolders;

/// <summary>One network of an ensemble run (model.json "members"): its seed, weight files and best epoch.</summary>
/// <param name="Seed">The seed of its weight initialisation and batch order (the split is the run's).</param>
/// <param name="Weights">File name, in the run folder, of its last epoch's weights.</param>
/// <param name="BestWeights">File name, in the run folder, of its best-validation epoch's weights.</param>
/// <param name="BestEpoch">Its 1-based epoch with the lowest validation loss.</param>
public sealed record EnsembleMember(int Seed, string Weights, string BestWeights, int BestEpoch);
