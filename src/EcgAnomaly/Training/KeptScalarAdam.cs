using EcgAnomaly.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgAnomaly.Training;

/// <summary>
/// TorchSharp's Adam (no weight decay, no AMSGrad), the same operations in the same order, with every Scalar held
/// until its operation returns: TorchSharp's own step passes about seven temporary Scalars per parameter that a
/// garbage collection can free in the middle of the native call (see <see cref="KeptScalars"/>).
/// </summary>
internal static class KeptScalarAdam
{
    /// <summary>An Adam whose state and saved checkpoints are TorchSharp's Adam's, type name included.</summary>
    public static TorchSharp.Modules.Adam Create(IEnumerable<Parameter> parameters, double learningRate) =>
        new Adam(parameters, learningRate);

    /// <summary>Named as TorchSharp's class: an optimizer checkpoint starts with the class name, checked on loading.</summary>
    private sealed class Adam(IEnumerable<Parameter> parameters, double learningRate) : TorchSharp.Modules.Adam(parameters, learningRate)
    {
        public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
        {
            var options = group.Options;
            var (beta1, beta2) = (options.beta1!.Value, options.beta2!.Value);
            var learningRate = options.LearningRate!.Value;
            using Scalar keep1 = beta1.ToScalar(), blend1 = (1 - beta1).ToScalar(), keep2 = beta2.ToScalar(),
                blend2 = (1 - beta2).ToScalar(), eps = options.eps!.Value.ToScalar();
            foreach (var parameter in group.Parameters)
            {
                var grad = parameter.grad;
                if (grad is null) continue;
                var state = (State)_state[parameter.Handle];
                state.step++;
                var correction1 = 1 - Math.Pow(beta1, state.step);
                var correction2 = 1 - Math.Pow(beta2, state.step);
                state.exp_avg.mul_(keep1).add_(grad, blend1);
                state.exp_avg_sq.mul_(keep2).addcmul_(grad, grad.conj(), blend2);
                using var root = Math.Sqrt(correction2).ToScalar();
                using var stepSize = (0.0 - learningRate / correction1).ToScalar();
                var denominator = state.exp_avg_sq.sqrt().div(root).add_(eps, KeptScalars.One);
                parameter.addcdiv_(state.exp_avg, denominator, stepSize);
            }
        }, closure);
    }
}
