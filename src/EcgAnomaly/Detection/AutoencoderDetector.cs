using EcgAnomaly.Data;
using EcgAnomaly.Models;
using EcgAnomaly.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgAnomaly.Detection;

/// <summary>
/// A reconstruction autoencoder fitted on normal beats, with its alarm threshold: <see cref="Score(ReadOnlySpan{float})"/>
/// (higher = more abnormal), <see cref="Threshold"/> and <see cref="Predict(ReadOnlySpan{float})"/>, in the spirit of
/// PyOD's detectors. The detector owns its whole contract: it resamples (when asked) and normalises beats as its
/// <see cref="Preprocessing"/> says before scoring, so every caller gets the same scores for the same beats.
/// </summary>
public sealed class AutoencoderDetector : IDisposable
{
    private readonly DetectorCore _core;
    private readonly double[] _validationScores;
    private int _disposed;

    private AutoencoderDetector(
        DetectorCore core, BeatPreprocessing preprocessing, ThresholdPolicy policy, double threshold, double[] validationScores)
    {
        _core = core;
        _validationScores = validationScores;
        Preprocessing = preprocessing;
        ThresholdPolicy = policy;
        Threshold = threshold;
    }

    /// <summary>The architecture, including the beat length the model takes.</summary>
    public ModelSpec Spec => _core.Spec;

    /// <summary>The trained network (last-epoch weights unless built from another state).</summary>
    public nn.Module<Tensor, Tensor> Model => _core.Model;

    /// <summary>Where the model runs (CPU or a CUDA device).</summary>
    public Device Device => _core.Scorer.Device;

    /// <summary>The engine that scores (never <see cref="ComputeEngine.Auto"/>).</summary>
    public ComputeEngine Engine => _core.Scorer.Engine;

    /// <summary>What is done to beats before the model sees them.</summary>
    public BeatPreprocessing Preprocessing { get; }

    /// <summary>How <see cref="Threshold"/> was chosen from the validation-normal scores (or that it was given).</summary>
    public ThresholdPolicy ThresholdPolicy { get; }

    /// <summary>Beats scoring above this are abnormal.</summary>
    public double Threshold { get; }

    /// <summary>The validation-normal scores the threshold was chosen from (empty when they were not kept).</summary>
    public IReadOnlyList<double> ValidationScores => _validationScores;

    /// <summary>Number of trainable parameters of the model (the study's LSTM with E=32: 63,297).</summary>
    public long ParameterCount => Models.ParameterCount.Of(Model);

    /// <summary>
    /// Trains <paramref name="spec"/> on <paramref name="normalTrain"/>, validates on <paramref name="normalValidation"/>
    /// after every epoch, and sets the threshold from the validation scores with <paramref name="policy"/>. Beats are
    /// given as they come; <paramref name="preprocessing"/> is applied to them here and to every beat scored later.
    /// </summary>
    public static FittedDetector Fit(
        LabelledBeats normalTrain,
        LabelledBeats normalValidation,
        ModelSpec spec,
        TrainingOptions? options = null,
        ThresholdPolicy? policy = null,
        ITrainingObserver? observer = null,
        BeatPreprocessing? preprocessing = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(normalTrain);
        ArgumentNullException.ThrowIfNull(normalValidation);
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new TrainingOptions();
        policy ??= ThresholdPolicy.Default;
        preprocessing ??= BeatPreprocessing.None;
        var train = Prepare(preprocessing, normalTrain, spec.BeatLength);
        var validation = Prepare(preprocessing, normalValidation, spec.BeatLength);
        var model = Build(spec, options.Seed);
        try
        {
            var passes = options with { ScoringBatchSize = Math.Min(options.ScoringBatchSize, spec.ScoringBatchLimit) };
            var training = Trainer.Train(model, train, validation, passes, observer, cancellationToken);
            var device = TorchDevice.Resolve(options.Device);
            var detector = Thresholded(
                spec, model, device, preprocessing, normalValidation, policy, options.ScoringBatchSize, options.Engine);
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
        ComputeEngine engine = ComputeEngine.Auto,
        BeatPreprocessing? preprocessing = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(state);
        var model = spec.Build();
        try
        {
            var resolved = TorchDevice.Resolve(device);
            model.to(resolved);
            model.load_state_dict(state.ToDictionary(kv => kv.Key, kv => kv.Value));
            return Thresholded(
                spec, model, resolved, preprocessing ?? BeatPreprocessing.None, normalValidation, policy, scoringBatchSize, engine);
        }
        catch
        {
            model.Dispose();
            throw;
        }
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

    /// <summary>
    /// A detector around trained weights (it takes ownership of <paramref name="model"/>) and a threshold chosen earlier,
    /// for example read from a bundle; <paramref name="validationScores"/> are the scores it was chosen from, if kept.
    /// </summary>
    public static AutoencoderDetector Create(
        ModelSpec spec,
        nn.Module<Tensor, Tensor> model,
        BeatPreprocessing preprocessing,
        ThresholdPolicy policy,
        double threshold,
        IReadOnlyList<double>? validationScores = null,
        Device? device = null,
        int scoringBatchSize = 512,
        ComputeEngine engine = ComputeEngine.Auto)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(preprocessing);
        ArgumentNullException.ThrowIfNull(policy);
        var core = new DetectorCore(spec, model, device ?? CPU, scoringBatchSize, engine);
        return new AutoencoderDetector(core, preprocessing, policy, threshold, validationScores?.ToArray() ?? []);
    }

    /// <summary>
    /// This detector with the threshold <paramref name="policy"/> gives: a fixed number as it is, any other policy applied
    /// to the kept validation-normal scores. The copy shares the network; dispose both.
    /// </summary>
    /// <exception cref="ArgumentException">The policy needs validation scores and this detector kept none.</exception>
    public AutoencoderDetector WithThresholdPolicy(ThresholdPolicy policy) => With(policy: policy);

    /// <summary>This detector, resampling beats of another length to the model's (or refusing them). The copy shares the network.</summary>
    public AutoencoderDetector WithResampling(bool resample = true) => With(resample: resample);

    /// <summary>This detector with another threshold policy and/or resampling (null: as it is). The copy shares the network.</summary>
    /// <exception cref="ArgumentException">The policy needs validation scores and this detector kept none.</exception>
    public AutoencoderDetector With(ThresholdPolicy? policy = null, bool? resample = null)
    {
        if (policy is not null && policy.Kind != ThresholdPolicyKind.Fixed && _validationScores.Length == 0)
            throw new ArgumentException(
                $"the threshold policy {policy} needs the validation-normal scores, and this detector kept none; "
                + "only a fixed threshold can replace its own",
                nameof(policy));
        var preprocessing = resample is bool r ? Preprocessing with { Resample = r } : Preprocessing;
        var threshold = policy is null ? Threshold : policy.Choose(_validationScores);
        return new AutoencoderDetector(_core.Acquire(), preprocessing, policy ?? ThresholdPolicy, threshold, _validationScores);
    }

    /// <summary>
    /// Whether beats of <paramref name="beatLength"/> samples can be scored (the model's length, or any with resampling).
    /// </summary>
    public bool Accepts(int beatLength) => Preprocessing.Accepts(beatLength, Spec.BeatLength);

    /// <summary>The beats as the model sees them: resampled when asked for, normalised as the model was trained.</summary>
    public float[] Preprocess(ReadOnlySpan<float> beats, int beatLength) =>
        Preprocessing.Apply(beats, beatLength, Spec.BeatLength) ?? beats.ToArray();

    /// <summary>Scores beats of <see cref="ModelSpec.BeatLength"/> samples stored row-major.</summary>
    public double[] Score(ReadOnlySpan<float> beats) => Score(beats, Spec.BeatLength);

    /// <summary>Scores beats of <paramref name="beatLength"/> samples stored row-major.</summary>
    /// <exception cref="ArgumentException">
    /// The length is not the model's and resampling is off, or the values are not whole beats.
    /// </exception>
    public double[] Score(ReadOnlySpan<float> beats, int beatLength)
    {
        var prepared = Preprocessing.Apply(beats, beatLength, Spec.BeatLength);
        return _core.Scorer.Score(prepared is null ? beats : prepared, Spec.BeatLength);
    }

    /// <summary>Scores labelled beats (the labels are not used); their length must be the model's unless resampling is on.</summary>
    public double[] Score(LabelledBeats beats)
    {
        ArgumentNullException.ThrowIfNull(beats);
        return Score(beats.Values, beats.Length);
    }

    /// <summary>True for each beat scoring above <see cref="Threshold"/>.</summary>
    public bool[] Predict(ReadOnlySpan<float> beats) => Score(beats).Select(s => s > Threshold).ToArray();

    /// <summary>True for each labelled beat scoring above <see cref="Threshold"/> (the labels are not used).</summary>
    public bool[] Predict(LabelledBeats beats) => Score(beats).Select(s => s > Threshold).ToArray();

    /// <summary>The model's reconstruction of one beat, as the model sees it (see <see cref="Preprocess"/>).</summary>
    public float[] Reconstruct(ReadOnlySpan<float> beat) =>
        ReconstructionScorer.Reconstruct(Model, Preprocess(beat, beat.Length), Device);

    /// <summary>Releases this detector; the network is freed when the last detector sharing it is disposed.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _core.Release();
    }

    private static LabelledBeats Prepare(BeatPreprocessing preprocessing, LabelledBeats beats, int modelLength) =>
        preprocessing.Apply(beats.Values, beats.Length, modelLength) is { } values
            ? new LabelledBeats(values, beats.Labels, modelLength, beats.Source)
            : beats;

    private static AutoencoderDetector Thresholded(
        ModelSpec spec,
        nn.Module<Tensor, Tensor> model,
        Device device,
        BeatPreprocessing preprocessing,
        LabelledBeats normalValidation,
        ThresholdPolicy policy,
        int scoringBatchSize,
        ComputeEngine engine)
    {
        var core = new DetectorCore(spec, model, device, scoringBatchSize, engine);
        var unthresholded = new AutoencoderDetector(core, preprocessing, policy, double.NaN, []);
        var validationScores = unthresholded.Score(normalValidation);
        return new AutoencoderDetector(core, preprocessing, policy, policy.Choose(validationScores), validationScores);
    }
}
