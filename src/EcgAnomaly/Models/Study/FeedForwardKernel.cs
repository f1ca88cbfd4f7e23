using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcgAnomaly.Models.Study;

/// <summary>
/// The Transformer layers' feed-forward block, Linear(D -> F), ReLU, dropout, Linear(F -> D), forward and backward one
/// token at a time. With the study's D of 2 or 4 and F of 256 or 512, the unfused block writes and reads back several
/// tokens x F activations (and their gradients) for a handful of multiply-adds each; here a token's F activations live
/// in scratch and the backward pass recomputes them. The dropout mask is <see cref="FastDropout"/>'s, element for
/// element. Weight gradients are summed per fixed chunk of tokens and the chunks added in order, so the result does not
/// depend on the thread count.
/// </summary>
internal static class FeedForwardKernel
{
    /// <summary>Token widths the kernel takes (the study's are 2 and 4).</summary>
    public const int MaxWidth = 16;

    private const int ChunkTokens = 256;

    public static bool Supported(int width) => width <= MaxWidth && Avx2.IsSupported && Fma.IsSupported;

    /// <summary>Tokens, token width D, hidden width F.</summary>
    public readonly record struct Shape(int Tokens, int Width, int Hidden)
    {
        public int Padded => (Hidden + 7) & ~7;

        public int Chunks => (Tokens + ChunkTokens - 1) / ChunkTokens;
    }

    /// <summary>The block's weights laid out for the kernel: W1 transposed (D x F), W2 (D x F), both padded to whole vectors.</summary>
    public sealed class Weights
    {
        public Weights(Shape shape, ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, ReadOnlySpan<float> b2)
        {
            var (d, f, padded) = (shape.Width, shape.Hidden, shape.Padded);
            W1T = new float[d * padded];
            W2 = new float[d * padded];
            B1 = new float[padded];
            B2 = b2.ToArray();
            for (var j = 0; j < f; j++)
            {
                B1[j] = b1[j];
                for (var c = 0; c < d; c++)
                {
                    W1T[c * padded + j] = w1[j * d + c];
                    W2[c * padded + j] = w2[c * f + j];
                }
            }
        }

        public float[] W1T { get; }

        public float[] W2 { get; }

        public float[] B1 { get; }

        public float[] B2 { get; }
    }

    public static unsafe void Forward(Shape shape, Weights weights, float* x, float* y, AttentionKernel.Dropout dropout, int threads)
    {
        var (xa, ya) = ((nint)x, (nint)y);
        Parallel.For(0, shape.Chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            var padded = shape.Padded;
            var scratch = new float[2 * padded + 8];
            fixed (float* w1 = weights.W1T, w2 = weights.W2, b1 = weights.B1, buffer = scratch)
            {
                float* h = buffer, mask = buffer + padded;
                var (first, last) = Range(shape, chunk);
                for (var n = first; n < last; n++)
                {
                    var xn = (float*)xa + (long)n * shape.Width;
                    Hidden(shape, xn, w1, b1, h, null);
                    if (dropout.On) Mask(shape, n, mask, dropout, h);
                    for (var c = 0; c < shape.Width; c++)
                        ((float*)ya)[(long)n * shape.Width + c] = Dot(h, w2 + c * padded, padded) + weights.B2[c];
                }
            }
        });
    }

    /// <summary>Gradients of x (tokens x D) and of the four weights, in PyTorch's layouts (W1: F x D, W2: D x F).</summary>
    public static unsafe void Backward(
        Shape shape, Weights weights, float* x, float* gradY, float* gradX, float* gradW1, float* gradB1, float* gradW2, float* gradB2,
        AttentionKernel.Dropout dropout, int threads)
    {
        var (d, padded) = (shape.Width, shape.Padded);
        // Per chunk: dW1 transposed (D x F), dW2 (D x F), db1 (F), db2 (D).
        var partLength = 2 * d * padded + padded + d;
        var parts = new float[shape.Chunks * partLength];
        var (xa, ga, dxa) = ((nint)x, (nint)gradY, (nint)gradX);
        Parallel.For(0, shape.Chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            var scratch = new float[4 * padded + 8];
            fixed (float* w1 = weights.W1T, w2 = weights.W2, b1 = weights.B1, buffer = scratch, part = &parts[chunk * partLength])
            {
                float* h = buffer, active = buffer + padded, dh = active + padded, mask = dh + padded;
                float* dw1 = part, dw2 = part + d * padded, db1 = dw2 + d * padded, db2 = db1 + padded;
                var (first, last) = Range(shape, chunk);
                for (var n = first; n < last; n++)
                {
                    var xn = (float*)xa + (long)n * d;
                    var gn = (float*)ga + (long)n * d;
                    Hidden(shape, xn, w1, b1, h, active);
                    if (dropout.On) Mask(shape, n, mask, dropout, h);
                    for (var c = 0; c < d; c++) db2[c] += gn[c];
                    // dh = W2^T dy; dW2 += dy h^T (h after dropout); da = dh * mask * relu'.
                    for (var j = 0; j < padded; j += 8)
                    {
                        var grad = Vector256<float>.Zero;
                        var hj = Vector256.Load(h + j);
                        for (var c = 0; c < d; c++)
                        {
                            var g = Vector256.Create(gn[c]);
                            grad = Fma.MultiplyAdd(g, Vector256.Load(w2 + c * padded + j), grad);
                            Fma.MultiplyAdd(g, hj, Vector256.Load(dw2 + c * padded + j)).Store(dw2 + c * padded + j);
                        }
                        grad *= Vector256.Load(active + j);
                        if (dropout.On) grad *= Vector256.Load(mask + j);
                        grad.Store(dh + j);
                        (Vector256.Load(db1 + j) + grad).Store(db1 + j);
                    }
                    for (var c = 0; c < d; c++)
                    {
                        ((float*)dxa)[(long)n * d + c] = Dot(dh, w1 + c * padded, padded);
                        var xc = Vector256.Create(xn[c]);
                        for (var j = 0; j < padded; j += 8)
                            Fma.MultiplyAdd(Vector256.Load(dh + j), xc, Vector256.Load(dw1 + c * padded + j)).Store(dw1 + c * padded + j);
                    }
                }
            }
        });
        Reduce(shape, parts, partLength, gradW1, gradB1, gradW2, gradB2);
    }

    private static unsafe void Reduce(
        Shape shape, float[] parts, int partLength, float* gradW1, float* gradB1, float* gradW2, float* gradB2)
    {
        var (d, f, padded) = (shape.Width, shape.Hidden, shape.Padded);
        var total = new float[partLength];
        for (var chunk = 0; chunk < shape.Chunks; chunk++)
        {
            for (var i = 0; i < partLength; i++) total[i] += parts[chunk * partLength + i];
        }
        for (var j = 0; j < f; j++)
        {
            gradB1[j] = total[2 * d * padded + j];
            for (var c = 0; c < d; c++)
            {
                gradW1[j * d + c] = total[c * padded + j];
                gradW2[c * f + j] = total[d * padded + c * padded + j];
            }
        }
        for (var c = 0; c < d; c++) gradB2[c] = total[2 * d * padded + padded + c];
    }

    /// <summary>h = relu(W1 x + b1) over the padded hidden width; <paramref name="active"/> gets 1 where the ReLU passed.</summary>
    private static unsafe void Hidden(Shape shape, float* xn, float* w1, float* b1, float* h, float* active)
    {
        var padded = shape.Padded;
        for (var j = 0; j < padded; j += 8)
        {
            var a = Vector256.Load(b1 + j);
            for (var c = 0; c < shape.Width; c++) a = Fma.MultiplyAdd(Vector256.Create(xn[c]), Vector256.Load(w1 + c * padded + j), a);
            var on = Vector256.GreaterThan(a, Vector256<float>.Zero);
            (a & on).Store(h + j);
            if (active != null) (on & Vector256<float>.One).Store(active + j);
        }
    }

    /// <summary>Token n's row of FastDropout's tokens x F mask, applied to h.</summary>
    private static unsafe void Mask(Shape shape, int n, float* mask, AttentionKernel.Dropout dropout, float* h)
    {
        FastDropout.FillRange(mask, (long)n * shape.Hidden, shape.Hidden, dropout.Seed, dropout.Threshold, dropout.Keep);
        for (var j = shape.Hidden; j < shape.Padded; j++) mask[j] = 0f;
        for (var j = 0; j < shape.Padded; j += 8) (Vector256.Load(h + j) * Vector256.Load(mask + j)).Store(h + j);
    }

    private static (int First, int Last) Range(Shape shape, int chunk) =>
        (chunk * ChunkTokens, Math.Min(shape.Tokens, (chunk + 1) * ChunkTokens));

    private static unsafe float Dot(float* a, float* b, int padded)
    {
        var acc = Vector256<float>.Zero;
        for (var j = 0; j < padded; j += 8) acc = Fma.MultiplyAdd(Vector256.Load(a + j), Vector256.Load(b + j), acc);
        return Vector256.Sum(acc);
    }
}
