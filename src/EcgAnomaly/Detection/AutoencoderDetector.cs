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
/// An ensemble (<see cref="TrainingOptions.Ensemble"/>) is one detector whose score is the mean of its members' scores.
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

    /// <summary>The trained network (last-epoch weights unless built from another state); an ensemble's first member.</summary>
    public nn.Module<Tensor, Tensor> Model => _core.Model;

    /// <summary>Every network the score averages over: <see cref="Model"/> alone, or an ensemble's members in order.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Members => _core.Members;

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

    /// <summary>Number of trainable parameters of the model (the study's LSTM with E=32: 63,297); of one member of an ensemble.</summary>
    public long ParameterCount => Models.ParameterCount.Of(Model);

    /// <summary>
    /// Trains <paramref name="spec"/> on <paramref name="normalTrain"/>, validates on <paramref name="normalValidation"/>
    /// after every epoch, and sets the threshold from the validation scores with <paramref name="policy"/>. Beats are
    /// given as they come; <paramref name="preprocessing"/> is applied to them here and to every beat scored later.
    /// With <see cref="TrainingOptions.Ensemble"/> above 1 the members train one after another, each with its own seed
    /// (and its own sub-folder member-M of the checkpoint folder, from the second on).
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
        options.Validate();
        var models = new List<nn.Module<Tensor, Tensor>>(options.Ensemble);
        var trainings = new List<TrainingResult>(options.Ensemble);
        try
        {
            for (var member = 1; member <= options.Ensemble; member++)
            {
                if (options.Ensemble > 1) observer?.OnMemberStarted(member, options.Ensemble);
                var memberOptions = MemberOptions(options, spec, member);
                models.Add(Build(spec, memberOptions.Seed));
                trainings.Add(Trainer.Train(models[^1], train, validation, memberOptions, observer, cancellationToken));
            }
            var device = TorchDevice.Resolve(options.Device);
            var detector = Thresholded(
                spec, models, device, preprocessing, normalValidation, policy, options.ScoringBatchSize, options.Engine);
            return new FittedDetector(detector, trainings);
        }
        catch
        {
            foreach (var model in models) model.Dispose();
            foreach (var training in trainings) training.Dispose();
            throw;
        }
    }

    /// <summary>The options member <paramref name="member"/> (1-based) of an ensemble trains with.</summary>
    private static TrainingOptions MemberOptions(TrainingOptions options, ModelSpec spec, int member) => options with
    {
        Seed = options.Seed + member - 1,
        Ensemble = 1,
        ScoringBatchSize = Math.Min(options.ScoringBatchSize, spec.ScoringBatchLimit),
        CheckpointFolder = member == 1 || options.CheckpointFolder is null
            ? options.CheckpointFolder
            : Path.Combine(options.CheckpointFolder, $"member-{member}"),
    };

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
        ArgumentNullException.ThrowIfNull(state);
        return FromStates(spec, [state], normalValidation, policy, device, scoringBatchSize, engine, preprocessing);
    }

    /// <summary>
    /// An ensemble detector with one network per state (for example every member's best-validation epoch), thresholded on
    /// validation normals.
    /// </summary>
    public static AutoencoderDetector FromStates(
        ModelSpec spec,
        IReadOnlyList<IReadOnlyDictionary<string, Tensor>> states,
        LabelledBeats normalValidation,
        ThresholdPolicy policy,
        string? device = null,
        int scoringBatchSize = 512,
        ComputeEngine engine = ComputeEngine.Auto,
        BeatPreprocessing? preprocessing = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(states);
        var models = new List<nn.Module<Tensor, Tensor>>(states.Count);
        try
        {
            var resolved = TorchDevice.Resolve(device);
            foreach (var state in states)
            {
                models.Add(spec.Build());
                models[^1].to(resolved);
                models[^1].load_state_dict(state.ToDictionary(kv => kv.Key, kv => kv.Value));
            }
            return Thresholded(
                spec, models, resolved, preprocessing ?? BeatPreprocessing.None, normalValidation, policy, scoringBatchSize, engine);
        }
        catch
        {
            foreach (var model in models) model.Dispose();
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
        return Create(spec, [model], preprocessing, policy, threshold, validationScores, device, scoringBatchSize, engine);
    }

    /// <summary>
    /// An ensemble detector around trained members (it takes ownership of them) and a threshold chosen earlier on the
    /// ensemble's scores.
    /// </summary>
    public static AutoencoderDetector Create(
        ModelSpec spec,
        IReadOnlyList<nn.Module<Tensor, Tensor>> members,
        BeatPreprocessing preprocessing,
        ThresholdPolicy policy,
        double threshold,
        IReadOnlyList<double>? validationScores = null,
        Device? device = null,
        int scoringBatchSize = 512,
        ComputeEngine engine = ComputeEngine.Auto)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(preprocessing);
        ArgumentNullException.ThrowIfNull(policy);
        var core = new DetectorCore(spec, members, device ?? CPU, scoringBatchSize, engine);
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
        return _core.Score(prepared is null ? beats : prepared, Spec.BeatLength);
    }

    /// <summary>Each member's own scores of labelled beats (one array per member; a single network has one).</summary>
    public double[][] ScoreMembers(LabelledBeats beats)
    {
        ArgumentNullException.ThrowIfNull(beats);
        var prepared = Preprocessing.Apply(beats.Values, beats.Length, Spec.BeatLength);
        return _core.ScoreEach(prepared ?? beats.Values, Spec.BeatLength);
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

    /// <summary>
    /// The model's reconstruction of one beat, as the model sees it (see <see cref="Preprocess"/>); an ensemble's is the
    /// mean of its members' reconstructions.
    /// </summary>
    public float[] Reconstruct(ReadOnlySpan<float> beat)
    {
        var prepared = Preprocess(beat, beat.Length);
        var sum = ReconstructionScorer.Reconstruct(Members[0], prepared, Device);
        if (Members.Count == 1) return sum;
        for (var m = 1; m < Members.Count; m++)
        {
            var member = ReconstructionScorer.Reconstruct(Members[m], prepared, Device);
            for (var i = 0; i < sum.Length; i++) sum[i] += member[i];
        }
        for (var i = 0; i < sum.Length; i++) sum[i] /= Members.Count;
        return sum;
    }

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
        IReadOnlyList<nn.Module<Tensor, Tensor>> models,
        Device device,
        BeatPreprocessing preprocessing,
        LabelledBeats normalValidation,
        ThresholdPolicy policy,
        int scoringBatchSize,
        ComputeEngine engine)
    {
        var core = new DetectorCore(spec, models, device, scoringBatchSize, engine);
        var unthresholded = new AutoencoderDetector(core, preprocessing, policy, double.NaN, []);
        var validationScores = unthresholded.Score(normalValidation);
        return new AutoencoderDetector(core, preprocessing, policy, policy.Choose(validationScores), validationScores);
    }
}
