using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace EcgAnomaly.Models.Study;

/// <summary>
/// <see cref="FeedForwardKernel"/> as an autograd function: Linear(D -> F), ReLU, dropout, Linear(F -> D) over every
/// token, for CPU float32 tokens up to <see cref="FeedForwardKernel.MaxWidth"/> wide. Saves the input and the weights;
/// the dropout seed is drawn from Torch's generator exactly where <see cref="FastDropout.Apply"/> drew it.
/// <see cref="Run"/> scores with the kernel's forward pass alone (no gradient wanted, no dropout, no autograd node) and
/// trains through <see cref="Train"/>, the autograd path.
/// </summary>
internal sealed class FusedFeedForward : SingleTensorFunction<FusedFeedForward>
{
    public override string Name => nameof(FusedFeedForward);

    /// <summary>The layers' feed-forward block: the kernel's forward pass when scoring, <see cref="Train"/> otherwise.</summary>
    public static Tensor Run(Tensor x, Linear linear1, Linear linear2, double dropout, bool training)
    {
        var wantsGrad = is_grad_enabled() && (x.requires_grad || linear1.weight!.requires_grad || linear2.weight!.requires_grad);
        if (!training && !wantsGrad && Takes(x))
        {
            using var input = x.contiguous();
            var shape = ShapeOf(input, linear1.weight!);
            return Compute(input, shape, WeightsOf(shape, linear1.weight!, linear1.bias!, linear2.weight!, linear2.bias!), default);
        }
        return Train(x, linear1, linear2, dropout, training);
    }

    /// <summary>The block as one autograd function (forward and backward kernels), where the kernel applies.</summary>
    public static Tensor Train(Tensor x, Linear linear1, Linear linear2, double dropout, bool training) => Takes(x)
        ? apply(x, linear1.weight!, linear1.bias!, linear2.weight!, linear2.bias!, dropout, training)
        : linear2.call(FastDropout.Apply(nn.functional.relu(linear1.call(x)), dropout, training));

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var x = ((Tensor)vars[0]).contiguous();
        var (w1, b1, w2, b2) = (((Tensor)vars[1]).contiguous(), ((Tensor)vars[2]).contiguous(),
            ((Tensor)vars[3]).contiguous(), ((Tensor)vars[4]).contiguous());
        var (p, training) = ((double)vars[5], (bool)vars[6]);
        var drop = training && p > 0
            ? new AttentionKernel.Dropout(true, FastDropout.DrawSeed(), FastDropout.Threshold(p), FastDropout.KeepScale(p))
            : default;
        var shape = ShapeOf(x, w1);
        var weights = WeightsOf(shape, w1, b1, w2, b2);
        var y = Compute(x, shape, weights, drop);
        ctx.save_for_backward([x, w1, b1, w2, b2]);
        ctx.save_data("dropout", drop);
        ctx.save_data("weights", weights);
        return y;
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var saved = ctx.get_saved_variables();
        var (x, w1, b1, w2, b2) = (saved[0], saved[1], saved[2], saved[3], saved[4]);
        var drop = (AttentionKernel.Dropout)ctx.get_data("dropout");
        var weights = (FeedForwardKernel.Weights)ctx.get_data("weights");
        using var grad = grad_output.contiguous();
        var shape = ShapeOf(x, w1);
        var (gx, gw1, gb1, gw2, gb2) = (empty(x.shape), empty(w1.shape), empty(b1.shape), empty(w2.shape), empty(b2.shape));
        unsafe
        {
            fixed (byte* xb = x.bytes, gb = grad.bytes, dx = gx.bytes, dw1 = gw1.bytes, db1 = gb1.bytes, dw2 = gw2.bytes, db2 = gb2.bytes)
            {
                FeedForwardKernel.Backward(shape, weights, (float*)xb, (float*)gb, (float*)dx,
                    (float*)dw1, (float*)db1, (float*)dw2, (float*)db2, drop, Threads);
            }
        }
        foreach (var t in saved) t.Dispose();
        return [gx, gw1, gb1, gw2, gb2, null!, null!];
    }

    private static bool Takes(Tensor x) =>
        x.device_type == DeviceType.CPU && x.dtype == ScalarType.Float32 && FeedForwardKernel.Supported((int)x.shape[^1]);

    private static Tensor Compute(Tensor x, FeedForwardKernel.Shape shape, FeedForwardKernel.Weights weights, AttentionKernel.Dropout drop)
    {
        var y = empty(x.shape);
        unsafe
        {
            fixed (byte* xb = x.bytes, yb = y.bytes) FeedForwardKernel.Forward(shape, weights, (float*)xb, (float*)yb, drop, Threads);
        }
        return y;
    }

    private static int Threads => Math.Max(1, get_num_threads());

    private static FeedForwardKernel.Shape ShapeOf(Tensor x, Tensor w1) =>
        new((int)(x.numel() / x.shape[^1]), (int)x.shape[^1], (int)w1.shape[0]);

    private static FeedForwardKernel.Weights WeightsOf(FeedForwardKernel.Shape shape, Tensor w1, Tensor b1, Tensor w2, Tensor b2) =>
        new(shape, w1.data<float>().ToArray(), b1.data<float>().ToArray(), w2.data<float>().ToArray(), b2.data<float>().ToArray());
}
