using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgAnomaly.Models.Study;

/// <summary>
/// PyTorch's nn.MultiheadAttention as the study's layers use it (sequence-first, packed in_proj, bias, no mask,
/// dropout on the attention weights), written out so that its dropout can use <see cref="FastDropout"/>.
/// Parameter names and initialisation follow PyTorch: in_proj_weight (xavier uniform), in_proj_bias (zeros),
/// out_proj (a Linear whose bias starts at zero).
/// </summary>
internal sealed class StudyMultiheadAttention : nn.Module
{
    private readonly Parameter in_proj_weight;
    private readonly Parameter in_proj_bias;
    private readonly Linear out_proj;
    private readonly int _dim;
    private readonly int _heads;
    private readonly double _dropout;

    public StudyMultiheadAttention(int dim, int heads, double dropout) : base("self_attn")
    {
        _dim = dim;
        _heads = heads;
        _dropout = dropout;
        in_proj_weight = nn.Parameter(empty(3 * dim, dim));
        in_proj_bias = nn.Parameter(zeros(3 * dim));
        out_proj = nn.Linear(dim, dim);
        using (no_grad())
        {
            nn.init.xavier_uniform_(in_proj_weight);
            out_proj.bias!.zero_();
        }
        RegisterComponents();
    }

    /// <param name="query">target steps x batch x D</param>
    /// <param name="source">source steps x batch x D (the query itself for self-attention)</param>
    /// <param name="selfAttention">True when source is the query: one packed projection then gives Q, K and V.</param>
    public Tensor Forward(Tensor query, Tensor source, bool selfAttention)
    {
        using var scope = NewDisposeScope();
        long steps = query.shape[0], batch = query.shape[1], sourceSteps = source.shape[0];
        var headDim = _dim / _heads;
        Tensor q, k, v;
        if (selfAttention)
        {
            var qkv = nn.functional.linear(query, in_proj_weight, in_proj_bias).chunk(3, -1);
            (q, k, v) = (qkv[0], qkv[1], qkv[2]);
        }
        else
        {
            q = nn.functional.linear(query, in_proj_weight.narrow(0, 0, _dim), in_proj_bias.narrow(0, 0, _dim));
            var kv = nn.functional.linear(source, in_proj_weight.narrow(0, _dim, 2 * _dim), in_proj_bias.narrow(0, _dim, 2 * _dim))
                .chunk(2, -1);
            (k, v) = (kv[0], kv[1]);
        }
        // (batch*heads) x steps x headDim, as PyTorch's multi_head_attention_forward lays them out.
        using var scale = (1.0 / Math.Sqrt(headDim)).ToScalar();
        q = q.contiguous().view(steps, batch * _heads, headDim).transpose(0, 1).mul(scale);
        k = k.contiguous().view(sourceSteps, batch * _heads, headDim).transpose(0, 1);
        v = v.contiguous().view(sourceSteps, batch * _heads, headDim).transpose(0, 1);
        var heads = FusedAttention.Run(q, k, v, headDim, _dropout, training);
        var attended = heads.transpose(0, 1).contiguous().view(steps, batch, _dim);
        return out_proj.call(attended).MoveToOuterDisposeScope();
    }
}
