using EcgAnomaly.Data;
using EcgAnomaly.Training;
using static TorchSharp.torch;

namespace EcgAnomaly.Benchmarking;

/// <summary>
/// Scores with the implementation a kernel names. The one place to route the fast kernel's scoring path to once it
/// exists; until then asking for it throws <see cref="NotSupportedException"/>, which the benches report as
/// "not available" instead of timing the reference path under another name.
/// </summary>
internal static class KernelScorer
{
    public static double[] Score(TrainingKernel kernel, nn.Module<Tensor, Tensor> model, LabelledBeats beats, int batchSize, Device device) => kernel switch
    {
        TrainingKernel.Reference => ReconstructionScorer.Score(model, beats, batchSize, device),
        _ => throw new NotSupportedException($"the {kernel.ToString().ToLowerInvariant()} kernel has no scoring path in this build"),
    };
}
