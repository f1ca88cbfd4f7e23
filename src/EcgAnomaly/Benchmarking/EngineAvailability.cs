using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Models;
using EcgAnomaly.Training;

namespace EcgAnomaly.Benchmarking;

/// <summary>
/// Asks an engine to do a tiny piece of real work (one epoch on one beat of the model's shape, then scoring it) so that
/// a benchmark can leave out, and name, the engines that this build lacks before it starts timing.
/// </summary>
public static class EngineAvailability
{
    /// <returns>Null when the engine trains and scores <paramref name="spec"/>; otherwise why not.</returns>
    public static string? Check(ComputeEngine engine, ModelSpec spec, string? device = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var beats = new LabelledBeats(new float[2 * spec.BeatLength], [1, 1], spec.BeatLength, "engine probe");
        using var model = AutoencoderDetector.Build(spec, seed: 0);
        try
        {
            var options = new TrainingOptions { Epochs = 1, Engine = engine, Device = device };
            using var _ = Trainer.Train(model, beats.Select([0], "probe train"), beats.Select([1], "probe validation"), options);
            using var scorer = new ModelScorer(engine, model, batchSize: 2, TorchDevice.Resolve(device));
            scorer.Score(beats);
            return null;
        }
        catch (NotSupportedException e)
        {
            return e.Message;
        }
    }
}
