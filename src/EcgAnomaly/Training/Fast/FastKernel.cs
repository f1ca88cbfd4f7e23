using EcgAnomaly.Models;
using static TorchSharp.torch;

namespace EcgAnomaly.Training.Fast;

/// <summary>Decides whether a model trains and scores on the fast kernel.</summary>
internal static class FastKernel
{
    /// <summary>The LSTM to run fast, or null for the reference path.</summary>
    /// <exception cref="NotSupportedException">Fast was asked for explicitly and cannot run this model here.</exception>
    public static LstmAutoencoder? Choose(TrainingKernel kernel, nn.Module<Tensor, Tensor> model, Device device)
    {
        if (kernel == TrainingKernel.Reference) return null;
        var reason = FastLstmAutoencoder.Unsupported(model, device);
        if (reason is null) return (LstmAutoencoder)model;
        if (kernel == TrainingKernel.Fast) throw new NotSupportedException($"--kernel fast: {reason}; use --kernel reference");
        return null;
    }
}
