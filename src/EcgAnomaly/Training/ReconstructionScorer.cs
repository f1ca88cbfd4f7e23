using EcgAnomaly.Data;
using static TorchSharp.torch;

namespace EcgAnomaly.Training;

/// <summary>Reconstructs beats and scores them: score = sum of absolute errors over the beat (the study's L1 sum).</summary>
public static class ReconstructionScorer
{
    /// <summary>One score per beat; higher = reconstructed worse = more abnormal.</summary>
    public static double[] Score(
        nn.Module<Tensor, Tensor> model, ReadOnlySpan<float> values, int beatLength, int batchSize = 512, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (values.Length % beatLength != 0)
            throw new ArgumentException($"{values.Length} values are not a whole number of beats of {beatLength} samples", nameof(values));
        var count = values.Length / beatLength;
        var scores = new double[count];
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            for (var start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var n = Math.Min(batchSize, count - start);
                var x = tensor(values.Slice(start * beatLength, n * beatLength).ToArray(), [n, beatLength], device: device);
                var batchScores = (model.call(x) - x).abs().sum(1).cpu().data<float>();
                for (var i = 0; i < n; i++) scores[start + i] = batchScores[i];
            }
        }
        finally
        {
            model.train(wasTraining);
        }
        return scores;
    }

    /// <summary>One score per labelled beat (the labels are not used), computed as the span overload does.</summary>
    public static double[] Score(nn.Module<Tensor, Tensor> model, LabelledBeats beats, int batchSize = 512, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(beats);
        return Score(model, beats.Values, beats.Length, batchSize, device);
    }

    /// <summary>The model's reconstruction of one beat.</summary>
    public static float[] Reconstruct(nn.Module<Tensor, Tensor> model, ReadOnlySpan<float> beat, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var x = tensor(beat.ToArray(), [1, beat.Length], device: device);
            return model.call(x).cpu().data<float>().ToArray();
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
