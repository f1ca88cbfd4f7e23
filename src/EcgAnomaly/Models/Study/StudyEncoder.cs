using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgAnomaly.Models.Study;

/// <summary>PyTorch's TransformerEncoder without a final norm. Like PyTorch (which deep-copies one layer), every layer
/// starts from the same weights.</summary>
internal sealed class StudyEncoder : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<StudyEncoderLayer> layers;

    public StudyEncoder(int dim, int heads, int feedForwardDim, int count, double dropout) : base("encoder")
    {
        layers = LayerCopy.Stack(() => new StudyEncoderLayer(dim, heads, feedForwardDim, dropout), count);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        foreach (var layer in layers) x = layer.call(x);
        return x;
    }
}
