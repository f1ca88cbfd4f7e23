using TorchSharp;
using static TorchSharp.torch;

namespace EcgAnomaly.Models.Study;

internal static class LayerCopy
{
    public static void CopyWeights(nn.Module source, nn.Module target)
    {
        using var _ = no_grad();
        var from = source.state_dict();
        foreach (var (name, tensor) in target.state_dict()) tensor.copy_(from[name]);
    }
}
