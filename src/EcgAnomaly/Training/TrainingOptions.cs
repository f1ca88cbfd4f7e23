namespace EcgAnomaly.Training;

/// <summary>The study's training settings by default: Adam 1e-3, L1 summed over the batch, batch 32, 150 epochs.</summary>
public sealed record TrainingOptions
{
    /// <summary>Training epochs (1-100,000).</summary>
    public int Epochs { get; init; } = 150;

    /// <summary>Beats per training batch; the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>How the learning rate moves over the epochs (<see cref="RateAt"/>); the study's is constant.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>
    /// Epochs over which the rate climbs linearly to its value before <see cref="Schedule"/> takes over: epoch e of the
    /// first W runs at e / W of the rate. 0 (the study's and the default): none.
    /// </summary>
    public int WarmupEpochs { get; init; }

    /// <summary>
    /// The largest global L2 norm of the gradient (all parameters as one vector) a step may take; a larger gradient is
    /// scaled down to it first, as torch.nn.utils.clip_grad_norm_ does. Null (the study's and the default): no clipping.
    /// </summary>
    public double? GradientClipNorm { get; init; }

    /// <summary>Seeds weight initialisation and batch shuffling.</summary>
    public int Seed { get; init; } = 777;

    /// <summary>
    /// Networks trained on the same data and scored together by the mean of their scores: member m (1-based) is seeded
    /// with <see cref="Seed"/> + m - 1, so member 1 is the network a single run with <see cref="Seed"/> trains.
    /// </summary>
    public int Ensemble { get; init; } = 1;

    /// <summary>The largest <see cref="Ensemble"/> accepted.</summary>
    public const int MaxEnsemble = 32;

    /// <summary>Beats per forward pass when scoring (no gradients, so larger is faster).</summary>
    public int ScoringBatchSize { get; init; } = 512;

    /// <summary>"cpu", "cuda" or "cuda:N"; null picks CUDA when available, else the CPU.</summary>
    public string? Device { get; init; }

    /// <summary>The engine to train and score with (see <see cref="ComputeEngines"/>); fast applies to LSTM models on the CPU.</summary>
    public ComputeEngine Engine { get; init; } = ComputeEngine.Auto;

    /// <summary>
    /// Where to keep a checkpoint after every epoch; a run started again with the same folder continues after the last
    /// finished epoch and ends with the same results as an uninterrupted run. Null: no checkpoints.
    /// </summary>
    public string? CheckpointFolder { get; init; }

    /// <summary>The learning rate of <paramref name="epoch"/> (1 to <see cref="Epochs"/>) under <see cref="Schedule"/>.</summary>
    public double RateAt(int epoch) => Math.Min(1.0, (double)epoch / Math.Max(1, WarmupEpochs)) * ScheduledRateAt(epoch);

    private double ScheduledRateAt(int epoch) => Schedule switch
    {
        LearningRateSchedule.Cosine => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * (epoch - 1) / Epochs)),
        LearningRateSchedule.Tail => epoch <= Epochs - TailEpochs ? LearningRate
            : LearningRate * 0.5 * (1 + Math.Cos(Math.PI * (epoch - 1 - (Epochs - TailEpochs)) / TailEpochs)),
        _ => LearningRate,
    };

    /// <summary>The epochs over which <see cref="LearningRateSchedule.Tail"/> decays: the last fifth, at least one.</summary>
    public int TailEpochs => Math.Max(1, (Epochs + 4) / 5);

    /// <summary>Checks the numeric options.</summary>
    /// <exception cref="ArgumentException">An option is out of range (the exception names it).</exception>
    public void Validate()
    {
        Preconditions.CheckArgumentRange(nameof(Epochs), Epochs, 1, 100_000);
        Preconditions.CheckArgumentRange(nameof(BatchSize), BatchSize, 1, 1_000_000);
        Preconditions.CheckArgumentRange(nameof(LearningRate), LearningRate, 1e-12, 10);
        Preconditions.CheckArgumentRange(nameof(ScoringBatchSize), ScoringBatchSize, 1, 1_000_000);
        Preconditions.CheckArgumentRange(nameof(Ensemble), Ensemble, 1, MaxEnsemble);
        Preconditions.CheckArgumentRange(nameof(WarmupEpochs), WarmupEpochs, 0, Epochs);
        if (GradientClipNorm is double clip) Preconditions.CheckArgumentRange(nameof(GradientClipNorm), clip, 1e-12, 1e12);
    }
}
