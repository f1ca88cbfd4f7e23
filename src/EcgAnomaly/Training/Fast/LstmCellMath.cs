using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EcgAnomaly.Models;

namespace EcgAnomaly.Training.Fast;

/// <summary>
/// The element-wise part of one LSTM step, forward and backward, for PyTorch's gate order (i, f, g, o) and
/// hidden sizes that are multiples of 8. Gate activations overwrite the pre-activations, and in the backward pass
/// the pre-activation gradients overwrite the activations, so one buffer per step serves both directions.
/// </summary>
internal static unsafe class LstmCellMath
{
    /// <summary>One forward step: gate activations, the new cell state c_t = f c_(t-1) + i g, and h_t = o tanh(c_t).</summary>
    /// <param name="gates">rows x 4H: pre-activations in, activations out.</param>
    /// <param name="cPrev">rows x H, or null for the zero initial state.</param>
    /// <param name="c">rows x H: receives c_t.</param>
    /// <param name="tanhC">rows x H: receives tanh(c_t), kept for the backward pass.</param>
    /// <param name="h">rows x H: receives h_t.</param>
    /// <param name="rows">Beats in the step.</param>
    /// <param name="hidden">Hidden size H, a multiple of 8.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(float* gates, float* cPrev, float* c, float* tanhC, float* h, int rows, int hidden)
    {
        // 16 lanes where the CPU has them: the exp chains are latency-bound, so wider vectors carry twice the work per chain.
        if (Vector512.IsHardwareAccelerated && hidden % 16 == 0)
        {
            Forward512(gates, cPrev, c, tanhC, h, rows, hidden);
            return;
        }
        for (var r = 0; r < rows; r++)
        {
            var g = gates + (long)r * 4 * hidden;
            var offset = (long)r * hidden;
            for (var j = 0; j < hidden; j += 8)
            {
                var i = FastMath.Sigmoid(Vector256.Load(g + j));
                var f = FastMath.Sigmoid(Vector256.Load(g + hidden + j));
                var u = FastMath.Tanh(Vector256.Load(g + 2 * hidden + j));
                var o = FastMath.Sigmoid(Vector256.Load(g + 3 * hidden + j));
                var cell = cPrev == null ? i * u : f * Vector256.Load(cPrev + offset + j) + i * u;
                var tc = FastMath.Tanh(cell);
                Vector256.Store(i, g + j);
                Vector256.Store(f, g + hidden + j);
                Vector256.Store(u, g + 2 * hidden + j);
                Vector256.Store(o, g + 3 * hidden + j);
                Vector256.Store(cell, c + offset + j);
                Vector256.Store(tc, tanhC + offset + j);
                Vector256.Store(o * tc, h + offset + j);
            }
        }
    }

    private static void Forward512(float* gates, float* cPrev, float* c, float* tanhC, float* h, int rows, int hidden)
    {
        for (var r = 0; r < rows; r++)
        {
            var g = gates + (long)r * 4 * hidden;
            var offset = (long)r * hidden;
            for (var j = 0; j < hidden; j += 16)
            {
                var i = FastMath.Sigmoid(Vector512.Load(g + j));
                var f = FastMath.Sigmoid(Vector512.Load(g + hidden + j));
                var u = FastMath.Tanh(Vector512.Load(g + 2 * hidden + j));
                var o = FastMath.Sigmoid(Vector512.Load(g + 3 * hidden + j));
                var cell = cPrev == null ? i * u : f * Vector512.Load(cPrev + offset + j) + i * u;
                var tc = FastMath.Tanh(cell);
                Vector512.Store(i, g + j);
                Vector512.Store(f, g + hidden + j);
                Vector512.Store(u, g + 2 * hidden + j);
                Vector512.Store(o, g + 3 * hidden + j);
                Vector512.Store(cell, c + offset + j);
                Vector512.Store(tc, tanhC + offset + j);
                Vector512.Store(o * tc, h + offset + j);
            }
        }
    }

    /// <summary>One backward step through the cell, from the gradients reaching h_t and c_t.</summary>
    /// <param name="gates">rows x 4H: activations in, pre-activation gradients out.</param>
    /// <param name="cPrev">rows x H: c_(t-1), or null for the zero initial state.</param>
    /// <param name="tanhC">rows x H: tanh(c_t) from the forward pass.</param>
    /// <param name="dh">rows x H: the gradient reaching h_t (from above and from step t+1).</param>
    /// <param name="dc">rows x H: the gradient reaching c_t from step t+1 in, the gradient for c_(t-1) out.</param>
    /// <param name="rows">Beats in the step.</param>
    /// <param name="hidden">Hidden size H, a multiple of 8.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(float* gates, float* cPrev, float* tanhC, float* dh, float* dc, int rows, int hidden)
    {
        var one = Vector256<float>.One;
        for (var r = 0; r < rows; r++)
        {
            var g = gates + (long)r * 4 * hidden;
            var offset = (long)r * hidden;
            for (var j = 0; j < hidden; j += 8)
            {
                var i = Vector256.Load(g + j);
                var f = Vector256.Load(g + hidden + j);
                var u = Vector256.Load(g + 2 * hidden + j);
                var o = Vector256.Load(g + 3 * hidden + j);
                var tc = Vector256.Load(tanhC + offset + j);
                var gradH = Vector256.Load(dh + offset + j);
                var gradC = Vector256.Load(dc + offset + j) + gradH * o * (one - tc * tc);
                var prev = cPrev == null ? Vector256<float>.Zero : Vector256.Load(cPrev + offset + j);
                Vector256.Store(gradC * u * i * (one - i), g + j);
                Vector256.Store(gradC * prev * f * (one - f), g + hidden + j);
                Vector256.Store(gradC * i * (one - u * u), g + 2 * hidden + j);
                Vector256.Store(gradH * tc * o * (one - o), g + 3 * hidden + j);
                Vector256.Store(gradC * f, dc + offset + j);
            }
        }
    }
}
