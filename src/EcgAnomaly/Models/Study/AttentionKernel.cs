using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcgAnomaly.Models.Study;

/// <summary>
/// Scaled dot-product attention with dropout on the weights, forward and backward, one head at a time, without ever
/// holding a steps x steps weight matrix. The study's heads are 1 or 2 numbers wide, so the unfused version spends its
/// time writing, dropping out, reading back and differentiating 140 x 140 weights per head (bench/NOTES.md); here each
/// query row's weights live in a few registers' worth of scratch, and the backward pass recomputes them from the row's
/// log-sum-exp. The dropout mask is <see cref="FastDropout"/>'s, element for element, so a seed drops the same weights
/// as the unfused layers did.
/// </summary>
internal static class AttentionKernel
{
    /// <summary>Head widths the kernel takes; wider heads have enough arithmetic for the unfused path to be fine.</summary>
    public const int MaxHeadDim = 8;

    public static bool Supported(int headDim) => headDim <= MaxHeadDim && Avx2.IsSupported && Fma.IsSupported;

    /// <summary>What one call works on: heads x steps x width, row-major, queries already scaled.</summary>
    public readonly record struct Shape(int Heads, int Steps, int SourceSteps, int Width)
    {
        public int Padded => (SourceSteps + 7) & ~7;
    }

    /// <summary>The dropout of one call: off, or a mask seed with its threshold and keep scale.</summary>
    public readonly record struct Dropout(bool On, ulong Seed, uint Threshold, float Keep);

    public static unsafe void Forward(
        Shape shape, float* q, float* k, float* v, float* output, float* logSumExp, Dropout dropout, int threads)
    {
        var (qa, ka, va, oa, la) = ((nint)q, (nint)k, (nint)v, (nint)output, (nint)logSumExp);
        Parallel.For(0, shape.Heads, new ParallelOptions { MaxDegreeOfParallelism = threads },
            h => ForwardHead(shape, h, (float*)qa, (float*)ka, (float*)va, (float*)oa, (float*)la, dropout));
    }

    public static unsafe void Backward(
        Shape shape, float* q, float* k, float* v, float* logSumExp, float* gradOutput, float* gradQ, float* gradK, float* gradV,
        Dropout dropout, int threads)
    {
        var (qa, ka, va, la, ga) = ((nint)q, (nint)k, (nint)v, (nint)logSumExp, (nint)gradOutput);
        var (dqa, dka, dva) = ((nint)gradQ, (nint)gradK, (nint)gradV);
        Parallel.For(0, shape.Heads, new ParallelOptions { MaxDegreeOfParallelism = threads },
            h => BackwardHead(shape, h, (float*)qa, (float*)ka, (float*)va, (float*)la, (float*)ga,
                (float*)dqa, (float*)dka, (float*)dva, dropout));
    }

    private static unsafe void ForwardHead(
        Shape shape, int h, float* q, float* k, float* v, float* output, float* logSumExp, Dropout dropout)
    {
        var (steps, source, width, padded) = (shape.Steps, shape.SourceSteps, shape.Width, shape.Padded);
        var scratch = Scratch.For(HeadLength(shape) + padded);
        fixed (float* buffer = scratch)
        {
            PrepareHead(shape, h, k, v, dropout, buffer);
            float* kT = buffer, vT = kT + padded * width, valid = vT + padded * width, headMask = valid + padded;
            var weights = buffer + HeadLength(shape);
            for (var i = 0; i < steps; i++)
            {
                var row = (long)h * steps + i;
                var qi = q + row * width;
                var max = Scores(qi, kT, weights, valid, width, padded);
                var sum = Vector256<float>.Zero;
                for (var j = 0; j < padded; j += 8)
                {
                    var e = FastMath.Exp(Vector256.Load(weights + j) - Vector256.Create(max)) * Vector256.Load(valid + j);
                    e.Store(weights + j);
                    sum += e;
                }
                var total = Vector256.Sum(sum);
                logSumExp[row] = max + MathF.Log(total);
                var scale = Vector256.Create(1f / total);
                var mask = headMask + (long)i * source;
                for (var j = 0; j < padded; j += 8)
                {
                    var p = Vector256.Load(weights + j) * scale;
                    (dropout.On ? p * Vector256.Load(mask + j) : p).Store(weights + j);
                }
                for (var c = 0; c < width; c++) output[row * width + c] = Dot(weights, vT + c * padded, padded);
            }
        }
    }

    private static unsafe void BackwardHead(
        Shape shape, int h, float* q, float* k, float* v, float* logSumExp, float* gradOutput, float* gradQ, float* gradK, float* gradV,
        Dropout dropout)
    {
        var (steps, source, width, padded) = (shape.Steps, shape.SourceSteps, shape.Width, shape.Padded);
        var scratch = Scratch.For(HeadLength(shape) + padded * (2 * width + 3));
        Array.Clear(scratch, HeadLength(shape), 2 * padded * width);
        fixed (float* buffer = scratch)
        {
            PrepareHead(shape, h, k, v, dropout, buffer);
            float* kT = buffer, vT = kT + padded * width, valid = vT + padded * width, headMask = valid + padded;
            float* dkT = buffer + HeadLength(shape), dvT = dkT + padded * width, p = dvT + padded * width;
            float* dp = p + padded, ds = dp + padded;
            for (var i = 0; i < steps; i++)
            {
                var row = (long)h * steps + i;
                var qi = q + row * width;
                var gi = gradOutput + row * width;
                _ = Scores(qi, kT, p, valid, width, padded);
                var lse = Vector256.Create(logSumExp[row]);
                for (var j = 0; j < padded; j += 8)
                    (FastMath.Exp(Vector256.Load(p + j) - lse) * Vector256.Load(valid + j)).Store(p + j);
                var mask = headMask + (long)i * source;
                // dP' = dO V^T, dV += P'^T dO, dP = dP' * mask, D = sum P dP, dS = P (dP - D).
                var d = Vector256<float>.Zero;
                for (var j = 0; j < padded; j += 8)
                {
                    var pj = Vector256.Load(p + j);
                    var m = dropout.On ? Vector256.Load(mask + j) : Vector256<float>.One;
                    var dropped = pj * m;
                    var grad = Vector256<float>.Zero;
                    for (var c = 0; c < width; c++)
                    {
                        var g = Vector256.Create(gi[c]);
                        grad = Fma.MultiplyAdd(g, Vector256.Load(vT + c * padded + j), grad);
                        Fma.MultiplyAdd(dropped, g, Vector256.Load(dvT + c * padded + j)).Store(dvT + c * padded + j);
                    }
                    grad *= m;
                    grad.Store(dp + j);
                    d = Fma.MultiplyAdd(pj, grad, d);
                }
                var dSum = Vector256.Create(Vector256.Sum(d));
                for (var j = 0; j < padded; j += 8)
                    (Vector256.Load(p + j) * (Vector256.Load(dp + j) - dSum)).Store(ds + j);
                for (var c = 0; c < width; c++)
                {
                    gradQ[row * width + c] = Dot(ds, kT + c * padded, padded);
                    var qc = Vector256.Create(qi[c]);
                    for (var j = 0; j < padded; j += 8)
                        Fma.MultiplyAdd(Vector256.Load(ds + j), qc, Vector256.Load(dkT + c * padded + j)).Store(dkT + c * padded + j);
                }
            }
            for (var j = 0; j < source; j++)
            {
                for (var c = 0; c < width; c++)
                {
                    gradK[((long)h * source + j) * width + c] = dkT[c * padded + j];
                    gradV[((long)h * source + j) * width + c] = dvT[c * padded + j];
                }
            }
        }
    }

    /// <summary>Row i's scores q_i . k_j into <paramref name="scores"/> (padding at minus infinity's stand-in); returns their max.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe float Scores(float* qi, float* kT, float* scores, float* valid, int width, int padded)
    {
        var max = Vector256.Create(float.MinValue);
        var floor = Vector256.Create(-1e30f);
        for (var j = 0; j < padded; j += 8)
        {
            var s = Vector256<float>.Zero;
            for (var c = 0; c < width; c++) s = Fma.MultiplyAdd(Vector256.Create(qi[c]), Vector256.Load(kT + c * padded + j), s);
            // Padding lanes (valid 0) become -1e30, so they never win the max; their exp is zeroed by the caller.
            s = Vector256.ConditionalSelect(Vector256.Equals(Vector256.Load(valid + j), Vector256<float>.Zero), floor, s);
            s.Store(scores + j);
            max = Vector256.Max(max, s);
        }
        var half = Vector128.Max(max.GetLower(), max.GetUpper());
        return MathF.Max(MathF.Max(half.GetElement(0), half.GetElement(1)), MathF.Max(half.GetElement(2), half.GetElement(3)));
    }

    /// <summary>
    /// What both passes need of a head, at the start of the scratch: K and V transposed (width x padded source), the
    /// padding's 0/1 lanes, and the head's steps x source part of the mask FastDropout would give the whole tensor,
    /// plus a vector of slack (a row's last load may run into the next row's mask, harmless since its weights are 0).
    /// </summary>
    private static unsafe void PrepareHead(Shape shape, int h, float* k, float* v, Dropout dropout, float* buffer)
    {
        var (source, width, padded) = (shape.SourceSteps, shape.Width, shape.Padded);
        float* kT = buffer, vT = kT + padded * width, valid = vT + padded * width, mask = valid + padded;
        Transpose(k + (long)h * source * width, kT, source, width, padded);
        Transpose(v + (long)h * source * width, vT, source, width, padded);
        for (var j = 0; j < padded; j++) valid[j] = j < source ? 1f : 0f;
        if (dropout.On)
        {
            var length = shape.Steps * source;
            FastDropout.FillRange(mask, (long)h * length, length, dropout.Seed, dropout.Threshold, dropout.Keep);
            for (var j = length; j < length + 8; j++) mask[j] = 0f;
        }
    }

    private static int HeadLength(Shape shape) => shape.Padded * (2 * shape.Width + 1) + shape.Steps * shape.SourceSteps + 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe float Dot(float* a, float* b, int padded)
    {
        var acc = Vector256<float>.Zero;
        for (var j = 0; j < padded; j += 8) acc = Fma.MultiplyAdd(Vector256.Load(a + j), Vector256.Load(b + j), acc);
        return Vector256.Sum(acc);
    }

    private static unsafe void Transpose(float* rows, float* columns, int count, int width, int padded)
    {
        for (var c = 0; c < width; c++)
        {
            for (var j = 0; j < count; j++) columns[c * padded + j] = rows[(long)j * width + c];
            for (var j = count; j < padded; j++) columns[c * padded + j] = 0f;
        }
    }

    /// <summary>Per-thread scratch, grown as needed, so that a training step does not allocate per head.</summary>
    private static class Scratch
    {
        [ThreadStatic]
        private static float[]? _buffer;

        public static float[] For(int length)
        {
            if (_buffer is null || _buffer.Length < length) _buffer = new float[length];
            return _buffer;
        }
    }
}
