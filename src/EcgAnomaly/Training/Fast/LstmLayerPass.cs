using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EcgAnomaly.Training.Fast;

/// <summary>
/// Forward and backward through time of one LSTM layer for one shard of beats. Only the recurrent product and the
/// cell run step by step; the weight gradients are summed over all steps afterwards in large products.
/// </summary>
internal static unsafe class LstmLayerPass
{
    /// <summary>Runs the layer over all T steps, writing every step's output (T x B x H) into the workspace.</summary>
    /// <param name="w">The layer's weights and its buffers for this shard.</param>
    /// <param name="kind">How the input is laid out: one value per step, a sequence of vectors, or one vector for all steps.</param>
    /// <param name="input">Scalar: T x B; Sequence: T x B x I; Constant: B x I.</param>
    /// <param name="rows">Beats B in the shard.</param>
    /// <param name="keepForBackward">
    /// False when only scoring: gates and cell states then reuse one or two step slots, which stay in cache, and only
    /// the outputs of every step (the next layer's input) are kept.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(LstmLayerWorkspace w, LstmInputKind kind, float* input, int rows, bool keepForBackward = true)
    {
        var layer = w.Layer;
        int hidden = layer.Hidden, gates = layer.Gates, inputs = layer.Input;
        var stepGates = (long)rows * gates;
        var stepHidden = (long)rows * hidden;
        if (kind == LstmInputKind.Constant)
        {
            FillRows(w.ConstantProjection.Pointer, layer.Bias.Pointer, rows, gates);
            Gemm.Multiply(input, inputs, layer.WeightIhT.Pointer, gates,
                w.ConstantProjection.Pointer, gates, rows, gates, inputs, accumulate: true);
        }
        for (var t = 0; t < w.Steps; t++)
        {
            var g = w.Gates.Pointer + (keepForBackward ? t : 0) * stepGates;
            var slot = keepForBackward ? t : t & 1;
            var previousSlot = keepForBackward ? t - 1 : (t - 1) & 1;
            switch (kind)
            {
                case LstmInputKind.Scalar:
                    ScalarProjection(g, input + (long)t * rows, layer.WeightIhT.Pointer, layer.Bias.Pointer, rows, gates);
                    break;
                case LstmInputKind.Sequence:
                    FillRows(g, layer.Bias.Pointer, rows, gates);
                    Gemm.Multiply(input + t * (long)rows * inputs, inputs, layer.WeightIhT.Pointer, gates,
                        g, gates, rows, gates, inputs, accumulate: true);
                    break;
                default:
                    Buffer.MemoryCopy(w.ConstantProjection.Pointer, g, stepGates * sizeof(float), stepGates * sizeof(float));
                    break;
            }
            var cPrev = t == 0 ? null : w.Cell.Pointer + previousSlot * stepHidden;
            if (t > 0)
                Gemm.Multiply(w.Output.Pointer + (t - 1) * stepHidden, hidden, layer.WeightHhT.Pointer, gates,
                    g, gates, rows, gates, hidden, accumulate: true);
            LstmCellMath.Forward(g, cPrev, w.Cell.Pointer + slot * stepHidden, w.TanhCell.Pointer + slot * stepHidden,
                w.Output.Pointer + t * stepHidden, rows, hidden);
        }
    }

    /// <summary>
    /// Back-propagates <paramref name="outputGradient"/> (T x B x H, or B x H for the last step only) through time,
    /// adds the weight gradients to the workspace's gradients and writes the input gradient (Sequence: T x B x I,
    /// Constant: B x I; none for Scalar).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(
        LstmLayerWorkspace w, LstmInputKind kind, float* input, float* outputGradient, bool lastStepOnly, float* inputGradient, int rows)
    {
        var layer = w.Layer;
        int hidden = layer.Hidden, gates = layer.Gates, inputs = layer.Input, steps = w.Steps;
        var stepGates = (long)rows * gates;
        var stepHidden = (long)rows * hidden;
        var dh = w.HiddenGradient.Pointer;
        var dc = w.CellGradient.Pointer;
        var recurrent = w.RecurrentGradient.Pointer;
        new Span<float>(dc, (int)stepHidden).Clear();
        for (var t = steps - 1; t >= 0; t--)
        {
            var fromAbove = lastStepOnly ? (t == steps - 1 ? outputGradient : null) : outputGradient + t * stepHidden;
            Combine(dh, fromAbove, t < steps - 1 ? recurrent : null, stepHidden);
            var g = w.Gates.Pointer + t * stepGates;
            var cPrev = t == 0 ? null : w.Cell.Pointer + (t - 1) * stepHidden;
            LstmCellMath.Backward(g, cPrev, w.TanhCell.Pointer + t * stepHidden, dh, dc, rows, hidden);
            if (t > 0) Gemm.Multiply(g, gates, layer.WeightHh.Pointer, hidden, recurrent, hidden, rows, hidden, gates, accumulate: false);
        }

        var grads = w.Gradients;
        var allGates = w.Gates.Pointer;
        var totalRows = steps * rows;
        Gemm.MultiplyTransposedA(w.Output.Pointer, hidden, allGates + stepGates, gates,
            grads.WeightHhT.Pointer, gates, (steps - 1) * rows, hidden, gates);
        Gemm.AddColumnSums(allGates, gates, totalRows, gates, grads.Bias.Pointer);
        switch (kind)
        {
            case LstmInputKind.Scalar:
                Gemm.MultiplyTransposedA(input, 1, allGates, gates, grads.WeightIhT.Pointer, gates, totalRows, 1, gates);
                break;
            case LstmInputKind.Sequence:
                Gemm.MultiplyTransposedA(input, inputs, allGates, gates, grads.WeightIhT.Pointer, gates, totalRows, inputs, gates);
                Gemm.Multiply(allGates, gates, layer.WeightIh.Pointer, inputs,
                    inputGradient, inputs, totalRows, inputs, gates, accumulate: false);
                break;
            default:
                var summed = w.ConstantProjection.Pointer;
                new Span<float>(summed, (int)stepGates).Clear();
                for (var t = 0; t < steps; t++) Gemm.AddColumnSums(allGates + t * stepGates, gates, 1, (int)stepGates, summed);
                Gemm.MultiplyTransposedA(input, inputs, summed, gates, grads.WeightIhT.Pointer, gates, rows, inputs, gates);
                Gemm.Multiply(summed, gates, layer.WeightIh.Pointer, inputs, inputGradient, inputs, rows, inputs, gates, accumulate: false);
                break;
        }
    }

    private static void FillRows(float* destination, float* row, int rows, int length)
    {
        var bytes = length * sizeof(float);
        for (var r = 0; r < rows; r++) Buffer.MemoryCopy(row, destination + (long)r * length, bytes, bytes);
    }

    private static void ScalarProjection(float* g, float* x, float* weight, float* bias, int rows, int gates)
    {
        for (var r = 0; r < rows; r++)
        {
            var v = Vector256.Create(x[r]);
            var row = g + (long)r * gates;
            for (var j = 0; j < gates; j += 8)
                Vector256.Store(v * Vector256.Load(weight + j) + Vector256.Load(bias + j), row + j);
        }
    }

    private static void Combine(float* dh, float* a, float* b, long length)
    {
        var span = new Span<float>(dh, (int)length);
        if (a == null) span.Clear();
        else new ReadOnlySpan<float>(a, (int)length).CopyTo(span);
        if (b != null) VectorMath.AddInPlace(span, new ReadOnlySpan<float>(b, (int)length));
    }
}
