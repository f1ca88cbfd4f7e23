using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgAnomaly.Models.Study;

/// <summary>PyTorch's TransformerDecoderLayer with its defaults: self-attention, attention over the memory, then the
/// feed-forward block, each a post-norm residual with dropout; ReLU; LayerNorm eps 1e-5.</summary>
internal sealed class StudyDecoderLayer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly StudyMultiheadAttention self_attn;
    private readonly StudyMultiheadAttention multihead_attn;
    private readonly Linear linear1;
    private readonly Linear linear2;
    private readonly LayerNorm norm1;
    private readonly LayerNorm norm2;
    private readonly LayerNorm norm3;
    private readonly double _dropout;

    public StudyDecoderLayer(int dim, int heads, int feedForwardDim, double dropout) : base("layer")
    {
        _dropout = dropout;
        self_attn = new StudyMultiheadAttention(dim, heads, dropout);
        multihead_attn = new StudyMultiheadAttention(dim, heads, dropout);
        linear1 = nn.Linear(dim, feedForwardDim);
        linear2 = nn.Linear(feedForwardDim, dim);
        norm1 = nn.LayerNorm(dim, 1e-5);
        norm2 = nn.LayerNorm(dim, 1e-5);
        norm3 = nn.LayerNorm(dim, 1e-5);
        RegisterComponents();
    }

    public override Tensor forward(Tensor target, Tensor memory)
    {
        using var scope = NewDisposeScope();
        var attended = self_attn.Forward(target, target, selfAttention: true);
        var x = norm1.call(KeptScalars.Plus(target, FastDropout.Apply(attended, _dropout, training)));
        x = norm2.call(KeptScalars.Plus(x, FastDropout.Apply(multihead_attn.Forward(x, memory, selfAttention: false), _dropout, training)));
        x = norm3.call(KeptScalars.Plus(x, FastDropout.Apply(FeedForward(x), _dropout, training)));
        return x.MoveToOuterDisposeScope();
    }

    private Tensor FeedForward(Tensor x) => FusedFeedForward.Run(x, linear1, linear2, _dropout, training);
}
