using EcgAnomaly.Models;
using EcgAnomaly.Training.Fast;
using static TorchSharp.torch;

namespace EcgAnomaly.Training;

/// <summary>
/// The one place that decides which engine trains and scores a model: training, detectors and benchmarks all ask here,
/// so that <see cref="ComputeEngine.Auto"/> means the same thing everywhere.
/// </summary>
public static class ComputeEngines
{
    /// <summary>
    /// The engine that will run <paramref name="model"/> on <paramref name="device"/> when <paramref name="requested"/> is asked for.
    /// </summary>
    /// <exception cref="NotSupportedException">The fast engine was asked for explicitly and cannot run this model here.</exception>
    public static ComputeEngine Resolve(ComputeEngine requested, nn.Module<Tensor, Tensor> model, Device device) =>
        FastLstm(requested, model, device) is null ? ComputeEngine.TorchSharp : ComputeEngine.Fast;

    /// <summary>Why the fast engine cannot run <paramref name="model"/> on <paramref name="device"/>, or null when it can.</summary>
    public static string? WhyNotFast(nn.Module<Tensor, Tensor> model, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        return FastLstmAutoencoder.Unsupported(model, device);
    }

    /// <summary>The LSTM to run on the fast engine, or null for TorchSharp.</summary>
    internal static LstmAutoencoder? FastLstm(ComputeEngine requested, nn.Module<Tensor, Tensor> model, Device device)
    {
        if (requested == ComputeEngine.TorchSharp) return null;
        var reason = WhyNotFast(model, device);
        if (reason is null) return (LstmAutoencoder)model;
        if (requested == ComputeEngine.Fast)
            throw new NotSupportedException($"the fast engine cannot run this model: {reason}; use the TorchSharp engine");
        return null;
    }
}
