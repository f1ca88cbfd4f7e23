using EcgAnomaly.Models;
using EcgAnomaly.Training;
using static TorchSharp.torch;

namespace EcgAnomaly.Detection;

/// <summary>
/// The network and its scorer, shared by a detector and the copies it makes with another threshold or preprocessing;
/// disposed when the last of them is.
/// </summary>
internal sealed class DetectorCore
{
    private int _references = 1;

    public DetectorCore(ModelSpec spec, nn.Module<Tensor, Tensor> model, Device device, int scoringBatchSize, ComputeEngine engine)
    {
        Spec = spec;
        Model = model;
        Scorer = new ModelScorer(engine, model, Math.Min(scoringBatchSize, spec.ScoringBatchLimit), device);
    }

    public ModelSpec Spec { get; }

    public nn.Module<Tensor, Tensor> Model { get; }

    public ModelScorer Scorer { get; }

    public DetectorCore Acquire()
    {
        ObjectDisposedException.ThrowIf(Interlocked.Increment(ref _references) <= 1, typeof(AutoencoderDetector));
        return this;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) != 0) return;
        Scorer.Dispose();
        Model.Dispose();
    }
}
