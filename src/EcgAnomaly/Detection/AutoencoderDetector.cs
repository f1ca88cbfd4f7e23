using EcgAnomaly.Data;
using EcgAnomaly.Models;
using EcgAnomaly.Training;
using EcgAnomaly.Training.Fast;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgAnomaly.Detection;

/// <summary>
/// A reconstruction autoencoder fitted on normal beats, with its alarm threshold: <see cref="Score"/> (higher = more
/// abnormal), <see cref="Threshold"/> and <see cref="Predict"/>, in the spirit of PyOD's detectors.
/// </summary>
public sealed class AutoencoderDetector : IDisposable
{
    private readonly FastLstmEngine? _fast;

    private AutoencoderDetector(ModelSpec spec, nn.Module<Tensor, Tensor> model, Device device, ThresholdPolicy policy, double threshold, int scoringBatchSize, FastLstmEngine? fast)
    {
        _fast = fast;
        Spec = spec;
        Model = model;
        Device = device;
        ThresholdPolicy = policy;
        Threshold = threshold;
        ScoringBatchSize = scoringBatchSize;
    }

    public ModelSpec Spec { get; }

    /// <summary>The trained network (last-epoch weights unless built from another state).</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    public Device Device { get; }

    public ThresholdPolicy ThresholdPolicy { get; }

    /// <summary>Beats scoring above this are abnormal.</summary>
    public double Threshold { get; }

    public int ScoringBatchSize { get; }

    /// <summary>The validation-normal scores the threshold was chosen from (empty for a detector loaded from a bundle).</summary>
    public IReadOnlyList<double> ValidationScores { get; private init; } = [];

    public long ParameterCount => Models.ParameterCount.Of(Model);

    /// <summary>
    /// Trains <paramref name="spec"/> on <paramref name="normalTrain"/>, validates on <paramref name="normalValidation"/>
    /// after every epoch, and sets the threshold from the validation scores with <paramref name="policy"/>.
    /// </summary>
    public static FittedDetector Fit(
        LabelledBeats normalTrain,
        LabelledBeats normalValidation,
        ModelSpec spec,
        TrainingOptions? options = null,
        ThresholdPolicy? policy = null,
        ITrainingObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(normalTrain);
        ArgumentNullException.ThrowIfNull(normalValidation);
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new TrainingOptions();
        policy ??= ThresholdPolicy.Default;
        if (spec.BeatLength != normalTrain.Length)
            throw new ArgumentException($"the model expects beats of {spec.BeatLength} samples but the training beats have {normalTrain.Length}", nameof(spec));
        var model = Build(spec, options.Seed);
        try
        {
            var training = Trainer.Train(model, normalTrain, normalValidation, options, observer, cancellationToken);
            var device = TorchDevice.Resolve(options.Device);
            var detector = FromTrainedModel(spec, model, device, normalValidation, policy, options.ScoringBatchSize, options.Kernel);
            return new FittedDetector(detector, training);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>A detector with the given weights (for example the best-validation epoch's), thresholded on validation normals.</summary>
    public static AutoencoderDetector FromState(
        ModelSpec spec,
        IReadOnlyDictionary<string, Tensor> state,
        LabelledBeats normalValidation,
        ThresholdPolicy policy,
        string? device = null,
        int scoringBatchSize = 512,
        TrainingKernel kernel = TrainingKernel.Auto)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(state);
        var model = spec.Build();
        var resolved = TorchDevice.Resolve(device);
        model.to(resolved);
        model.load_state_dict(state.ToDictionary(kv => kv.Key, kv => kv.Value));
        return FromTrainedModel(spec, model, resolved, normalValidation, policy, scoringBatchSize, kernel);
    }

    /// <summary>Builds <paramref name="spec"/> with weights initialised from <paramref name="seed"/>.</summary>
    public static nn.Module<Tensor, Tensor> Build(ModelSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (TorchDevice.SeedLock)
        {
            random.manual_seed(seed);
            return spec.Build();
        }
    }

    private static AutoencoderDetector FromTrainedModel(ModelSpec spec, nn.Module<Tensor, Tensor> model, Device device, LabelledBeats normalValidation, ThresholdPolicy policy, int scoringBatchSize, TrainingKernel kernel)
    {
        var detector = Wrap(spec, model, device, policy, double.NaN, scoringBatchSize, kernel);
        var validationScores = detector.Score(normalValidation);
        return new AutoencoderDetector(spec, model, device, policy, policy.Choose(validationScores), scoringBatchSize, detector._fast)
        {
            ValidationScores = validationScores,
        };
    }

    /// <summary>A detector around trained weights and a threshold chosen earlier (for example read from a bundle).</summary>
    internal static AutoencoderDetector Wrap(ModelSpec spec, nn.Module<Tensor, Tensor> model, Device device, ThresholdPolicy policy, double threshold, int scoringBatchSize, TrainingKernel kernel)
    {
        // The fast engine holds a copy of the weights: fine, since a detector's weights never change after this point.
        var lstm = FastKernel.Choose(kernel, model, device);
        var fast = lstm is null ? null : new FastLstmEngine(FastLstmAutoencoder.From(lstm), FastLstmEngine.ScoringChunk, learningRate: null);
        return new AutoencoderDetector(spec, model, device, policy, threshold, scoringBatchSize, fast);
    }

    /// <summary>Scores beats of <see cref="ModelSpec.BeatLength"/> samples stored row-major.</summary>
    public double[] Score(ReadOnlySpan<float> beats)
    {
        if (beats.Length % Spec.BeatLength != 0)
            throw new ArgumentException($"beats must have {Spec.BeatLength} samples each; got {beats.Length} values", nameof(beats));
        return _fast?.Score(beats) ?? ReconstructionScorer.Score(Model, beats, Spec.BeatLength, ScoringBatchSize, Device);
    }

    public double[] Score(LabelledBeats beats)
    {
        ArgumentNullException.ThrowIfNull(beats);
        if (beats.Length != Spec.BeatLength)
            throw new ArgumentException($"the model expects beats of {Spec.BeatLength} samples but these have {beats.Length}", nameof(beats));
        return Score(beats.Values);
    }

    /// <summary>True for each beat scoring above <see cref="Threshold"/>.</summary>
    public bool[] Predict(ReadOnlySpan<float> beats) => Score(beats).Select(s => s > Threshold).ToArray();

    public bool[] Predict(LabelledBeats beats) => Score(beats).Select(s => s > Threshold).ToArray();

    public float[] Reconstruct(ReadOnlySpan<float> beat) => ReconstructionScorer.Reconstruct(Model, beat, Device);

    public void Dispose()
    {
        _fast?.Dispose();
        Model.Dispose();
    }
}
