namespace EcgAnomaly.RunFolders;

public sealed record HyperParameters(int Epochs, int BatchSize, double LearningRate, int Seed, string Optimizer, string Loss);
