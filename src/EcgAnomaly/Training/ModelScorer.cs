using EcgAnomaly.Data;
using EcgAnomaly.Training.Fast;
using static TorchSharp.torch;

namespace EcgAnomaly.Training;

/// <summary>
/// Scores beats with a trained model on the engine <see cref="ComputeEngines"/> picks, set up once: TorchSharp's forward
/// pass in batches of the given size, or the fast engine (which holds its own copy of the weights and tiles any batch
/// into cache-sized chunks per thread). The model's weights must not change while this scorer lives.
/// </summary>
public sealed class ModelScorer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly int _batchSize;
    private readonly FastLstmEngine? _fast;

    /// <exception cref="NotSupportedException">The fast engine was asked for and cannot run this model here.</exception>
    public ModelScorer(ComputeEngine engine, nn.Module<Tensor, Tensor> model, int batchSize, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        Preconditions.CheckArgumentRange(nameof(batchSize), batchSize, 1, 1_000_000);
        _model = model;
        _batchSize = batchSize;
        Device = device;
        if (ComputeEngines.FastLstm(engine, model, device) is { } lstm)
            _fast = new FastLstmEngine(FastLstmAutoencoder.From(lstm), FastLstmEngine.ScoringChunk, learningRate: null);
        Engine = _fast is null ? ComputeEngine.TorchSharp : ComputeEngine.Fast;
    }

    /// <summary>The engine actually in use (never <see cref="ComputeEngine.Auto"/>).</summary>
    public ComputeEngine Engine { get; }

    /// <summary>Where the TorchSharp engine runs the model (the fast engine always runs on the CPU).</summary>
    public Device Device { get; }

    /// <summary>Scores beats of <paramref name="beatLength"/> samples stored row-major.</summary>
    public double[] Score(ReadOnlySpan<float> beats, int beatLength) =>
        _fast?.Score(beats) ?? ReconstructionScorer.Score(_model, beats, beatLength, _batchSize, Device);

    /// <summary>Scores labelled beats (the labels are not used).</summary>
    public double[] Score(LabelledBeats beats)
    {
        ArgumentNullException.ThrowIfNull(beats);
        return Score(beats.Values, beats.Length);
    }

    /// <summary>Frees the fast engine's buffers; the model stays the caller's.</summary>
    public void Dispose() => _fast?.Dispose();
}
