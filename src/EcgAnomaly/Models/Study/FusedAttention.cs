using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace EcgAnomaly.Models.Study;

/// <summary>
/// <see cref="AttentionKernel"/> as an autograd function: softmax(Q K^T) V with dropout on the weights, for CPU float32
/// heads up to <see cref="AttentionKernel.MaxHeadDim"/> wide. Saves Q, K, V and one log-sum-exp per query row; the
/// dropout seed is drawn from Torch's generator exactly where <see cref="FastDropout.Apply"/> drew it.
/// The layers call <see cref="Run"/>, which trains through <see cref="Apply"/> and scores through <see cref="Infer"/>.
/// </summary>
internal sealed class FusedAttention : SingleTensorFunction<FusedAttention>
{
    public override string Name => nameof(FusedAttention);

    /// <summary>Whether the kernel takes these tensors; otherwise the caller uses the unfused layers.</summary>
    public static bool Takes(Tensor query, int headDim) =>
        query.device_type == DeviceType.CPU && query.dtype == ScalarType.Float32 && AttentionKernel.Supported(headDim);

    /// <summary>
    /// The layers' softmax(Q K^T) V with dropout on the weights: <see cref="Infer"/> when scoring, <see cref="Apply"/>
    /// when training, libtorch's composition where the kernel does not apply.
    /// </summary>
    public static Tensor Run(Tensor query, Tensor key, Tensor value, int headDim, double dropout, bool training)
    {
        if (CanInfer(query, key, value, headDim, training)) return Infer(query, key, value);
        if (Takes(query, headDim)) return Apply(query, key, value, dropout, training);
        return bmm(FastDropout.Apply(bmm(query, key.transpose(1, 2)).softmax(-1), dropout, training), value);
    }

    /// <param name="query">heads x steps x width, already scaled by 1/sqrt(width)</param>
    /// <param name="key">heads x source steps x width</param>
    /// <param name="value">heads x source steps x width</param>
    /// <param name="dropout">Probability of dropping a weight when training.</param>
    /// <param name="training">Whether to drop out.</param>
    public static Tensor Apply(Tensor query, Tensor key, Tensor value, double dropout, bool training) =>
        apply(query, key, value, dropout, training);

    /// <summary>Whether <see cref="Infer"/> can stand in: not training, no gradient wanted, a tensor the kernel takes.</summary>
    public static bool CanInfer(Tensor query, Tensor key, Tensor value, int headDim, bool training) =>
        !training && Takes(query, headDim) && !(is_grad_enabled() && (query.requires_grad || key.requires_grad || value.requires_grad));

    /// <summary>softmax(Q K^T) V by the kernel's forward pass alone, with no dropout and no autograd node.</summary>
    public static Tensor Infer(Tensor query, Tensor key, Tensor value)
    {
        using var q = query.contiguous();
        using var k = key.contiguous();
        using var v = value.contiguous();
        var (output, logSumExp) = Compute(q, k, v, default);
        logSumExp.Dispose();
        return output;
    }

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var (q, k, v) = (((Tensor)vars[0]).contiguous(), ((Tensor)vars[1]).contiguous(), ((Tensor)vars[2]).contiguous());
        var (p, training) = ((double)vars[3], (bool)vars[4]);
        var drop = training && p > 0
            ? new AttentionKernel.Dropout(true, FastDropout.DrawSeed(), FastDropout.Threshold(p), FastDropout.KeepScale(p))
            : default;
        var (output, logSumExp) = Compute(q, k, v, drop);
        ctx.save_for_backward([q, k, v, logSumExp]);
        ctx.save_data("dropout", drop);
        return output;
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var saved = ctx.get_saved_variables();
        var (q, k, v, logSumExp) = (saved[0], saved[1], saved[2], saved[3]);
        var drop = (AttentionKernel.Dropout)ctx.get_data("dropout");
        using var grad = grad_output.contiguous();
        var shape = ShapeOf(q, k);
        var (gradQ, gradK, gradV) = (empty(q.shape), empty(k.shape), empty(v.shape));
        unsafe
        {
            fixed (byte* qb = q.bytes, kb = k.bytes, vb = v.bytes, lb = logSumExp.bytes, gb = grad.bytes)
            fixed (byte* dq = gradQ.bytes, dk = gradK.bytes, dv = gradV.bytes)
            {
                AttentionKernel.Backward(shape, (float*)qb, (float*)kb, (float*)vb, (float*)lb, (float*)gb,
                    (float*)dq, (float*)dk, (float*)dv, drop, Threads);
            }
        }
        foreach (var t in saved) t.Dispose();
        return [gradQ, gradK, gradV, null!, null!];
    }

    private static (Tensor Output, Tensor LogSumExp) Compute(Tensor q, Tensor k, Tensor v, AttentionKernel.Dropout drop)
    {
        var shape = ShapeOf(q, k);
        var output = empty(q.shape);
        var logSumExp = empty(shape.Heads, shape.Steps);
        unsafe
        {
            fixed (byte* qb = q.bytes, kb = k.bytes, vb = v.bytes, ob = output.bytes, lb = logSumExp.bytes)
                AttentionKernel.Forward(shape, (float*)qb, (float*)kb, (float*)vb, (float*)ob, (float*)lb, drop, Threads);
        }
        return (output, logSumExp);
    }

    private static int Threads => Math.Max(1, get_num_threads());

    private static AttentionKernel.Shape ShapeOf(Tensor q, Tensor k) =>
        new((int)q.shape[0], (int)q.shape[1], (int)k.shape[1], (int)q.shape[2]);
}
