using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgAnomaly.Models.Study;

/// <summary>PyTorch's TransformerEncoderLayer with its defaults: post-norm, ReLU, dropout on the attention weights,
/// on both residual branches and inside the feed-forward block; LayerNorm eps 1e-5.</summary>
internal sealed class StudyEncoderLayer : nn.Module<Tensor, Tensor>
{
    private readonly StudyMultiheadAttention self_attn;
    private readonly Linear linear1;
    private readonly Linear linear2;
    private readonly LayerNorm norm1;
    private readonly LayerNorm norm2;
    private readonly double _dropout;

    public StudyEncoderLayer(int dim, int heads, int feedForwardDim, double dropout) : base("layer")
    {
        _dropout = dropout;
        self_attn = new StudyMultiheadAttention(dim, heads, dropout);
        linear1 = nn.Linear(dim, feedForwardDim);
        linear2 = nn.Linear(feedForwardDim, dim);
        norm1 = nn.LayerNorm(dim, 1e-5);
        norm2 = nn.LayerNorm(dim, 1e-5);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        x = norm1.call(KeptScalars.Plus(x, FastDropout.Apply(self_attn.Forward(x, x, selfAttention: true), _dropout, training)));
        x = norm2.call(KeptScalars.Plus(x, FastDropout.Apply(FeedForward(x), _dropout, training)));
        return x.MoveToOuterDisposeScope();
    }

    private Tensor FeedForward(Tensor x) => FusedFeedForward.Run(x, linear1, linear2, _dropout, training);
}
