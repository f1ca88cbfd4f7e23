using EcgAnomaly.Data;
using EcgAnomaly.Training;
using EcgAnomaly.Training.Fast;
using static TorchSharp.torch;

namespace EcgAnomaly.Benchmarking;

/// <summary>
/// Scores with the implementation a kernel names, set up once (outside any timing): TorchSharp's forward pass in
/// batches of the given size, or the fast engine, which tiles any batch into its own cache-sized chunks per thread.
/// </summary>
public sealed class KernelScorer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly int _batchSize;
    private readonly Device _device;
    private readonly FastLstmEngine? _fast;

    /// <exception cref="NotSupportedException">The fast kernel was named and cannot run this model here.</exception>
    public KernelScorer(TrainingKernel kernel, nn.Module<Tensor, Tensor> model, int batchSize, Device device)
    {
        _model = model;
        _batchSize = batchSize;
        _device = device;
        if (FastKernel.Choose(kernel, model, device) is { } lstm)
            _fast = new FastLstmEngine(FastLstmAutoencoder.From(lstm), FastLstmEngine.ScoringChunk, learningRate: null);
    }

    public double[] Score(LabelledBeats beats) =>
        _fast?.Score(beats.Values) ?? ReconstructionScorer.Score(_model, beats, _batchSize, _device);

    public void Dispose() => _fast?.Dispose();
}
