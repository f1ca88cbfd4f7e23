using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgAnomaly.Models.Study;

internal static class LayerCopy
{
    /// <summary><paramref name="count"/> layers that all start from the first one's weights, as PyTorch's
    /// TransformerEncoder/Decoder deep-copy the layer they are given.</summary>
    public static ModuleList<T> Stack<T>(Func<T> make, int count) where T : nn.Module
    {
        var template = make();
        var layers = nn.ModuleList(template);
        for (var i = 1; i < count; i++)
        {
            var copy = make();
            CopyWeights(template, copy);
            layers.Add(copy);
        }
        return layers;
    }

    private static void CopyWeights(nn.Module source, nn.Module target)
    {
        using var _ = no_grad();
        var from = source.state_dict();
        foreach (var (name, tensor) in target.state_dict()) tensor.copy_(from[name]);
    }
}
