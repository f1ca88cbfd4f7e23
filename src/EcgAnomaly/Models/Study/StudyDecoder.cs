using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgAnomaly.Models.Study;

/// <summary>PyTorch's TransformerDecoder without a final norm; every layer starts from the same weights, as in
/// PyTorch.</summary>
internal sealed class StudyDecoder : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ModuleList<StudyDecoderLayer> layers;

    public StudyDecoder(int dim, int heads, int feedForwardDim, int count, double dropout) : base("decoder")
    {
        layers = LayerCopy.Stack(() => new StudyDecoderLayer(dim, heads, feedForwardDim, dropout), count);
        RegisterComponents();
    }

    public override Tensor forward(Tensor target, Tensor memory)
    {
        foreach (var layer in layers) target = layer.call(target, memory);
        return target;
    }
}
