namespace EcgAnomaly.RunFolders;

/// <summary>How a run was trained (model.json "hyperParameters").</summary>
/// <param name="Epochs">Training epochs (0 for imported weights).</param>
/// <param name="BatchSize">Beats per training batch.</param>
/// <param name="LearningRate">The optimizer's learning rate.</param>
/// <param name="Seed">Seed of the split, the weight initialisation and the batch order.</param>
/// <param name="Optimizer">The optimizer, e.g. "Adam" (or how imported weights were made).</param>
/// <param name="Loss">The loss, e.g. "L1, sum over the batch".</param>
public sealed record HyperParameters(int Epochs, int BatchSize, double LearningRate, int Seed, string Optimizer, string Loss)
{
    /// <summary>
    /// How the learning rate moved over the epochs: "constant" (the study's; what files without it mean), "tail" or "cosine".
    /// </summary>
    public string LearningRateSchedule { get; init; } = "constant";

    /// <summary>Epochs of linear warm-up before the schedule (0, what files without it mean: none).</summary>
    public int WarmupEpochs { get; init; }

    /// <summary>The global gradient norm each step was clipped to; null (what files without it mean): no clipping.</summary>
    public double? GradientClipNorm { get; init; }
}
