using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static System.Runtime.Intrinsics.X86.Fma;

namespace EcgAnomaly.Training.Fast;

/// <summary>
/// Single-precision matrix products for the fast LSTM, row-major with leading dimensions. The 4 x 32 micro-kernel keeps
/// 16 accumulators in registers and streams a 32-column panel of B that stays in L1 across the rows of A.
/// </summary>
internal static unsafe class Gemm
{
    public static bool IsSupported => Avx2.IsSupported && Fma.IsSupported;

    /// <summary>C[m x n] = (accumulate ? C : 0) + A[m x k] B[k x n].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(float* a, int lda, float* b, int ldb, float* c, int ldc, int m, int n, int k, bool accumulate)
    {
        var j = 0;
        for (; j + 32 <= n; j += 32)
        {
            var i = 0;
            for (; i + 4 <= m; i += 4) Kernel4x32(a + (long)i * lda, lda, b + j, ldb, c + (long)i * ldc + j, ldc, k, accumulate);
            for (; i < m; i++) Kernel1x32(a + (long)i * lda, b + j, ldb, c + (long)i * ldc + j, k, accumulate);
        }
        for (; j + 8 <= n; j += 8)
            for (var i = 0; i < m; i++) Kernel1x8(a + (long)i * lda, b + j, ldb, c + (long)i * ldc + j, k, accumulate);
        for (; j < n; j++)
            for (var i = 0; i < m; i++)
            {
                float sum = accumulate ? c[(long)i * ldc + j] : 0f;
                for (var p = 0; p < k; p++) sum += a[(long)i * lda + p] * b[(long)p * ldb + j];
                c[(long)i * ldc + j] = sum;
            }
    }

    /// <summary>C[k x n] += A[m x k]^T B[m x n]: weight gradients summed over many rows (steps x beats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyTransposedA(float* a, int lda, float* b, int ldb, float* c, int ldc, int m, int k, int n)
    {
        // Rows are taken in chunks so that the chunk of B being swept stays in L1 while every 4-row block of C visits it.
        const int Chunk = 64;
        for (var p0 = 0; p0 < m; p0 += Chunk)
        {
            var rows = Math.Min(Chunk, m - p0);
            var ap = a + (long)p0 * lda;
            var bp = b + (long)p0 * ldb;
            var j = 0;
            for (; j + 32 <= n; j += 32)
            {
                var r = 0;
                for (; r + 4 <= k; r += 4) KernelT4x32(ap + r, lda, bp + j, ldb, c + (long)r * ldc + j, ldc, rows);
                for (; r < k; r++) KernelT1x32(ap + r, lda, bp + j, ldb, c + (long)r * ldc + j, rows);
            }
            for (; j < n; j++)
                for (var r = 0; r < k; r++)
                {
                    var sum = 0f;
                    for (var p = 0; p < rows; p++) sum += ap[(long)p * lda + r] * bp[(long)p * ldb + j];
                    c[(long)r * ldc + j] += sum;
                }
        }
    }

    /// <summary>sums[n] += the column sums of A[m x n].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddColumnSums(float* a, int lda, int m, int n, float* sums)
    {
        for (var i = 0; i < m; i++)
        {
            var row = a + (long)i * lda;
            var j = 0;
            for (; j + 8 <= n; j += 8) Avx.Store(sums + j, Avx.Add(Avx.LoadVector256(sums + j), Avx.LoadVector256(row + j)));
            for (; j < n; j++) sums[j] += row[j];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel4x32(float* a, int lda, float* b, int ldb, float* c, int ldc, int k, bool accumulate)
    {
        Vector256<float> c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (accumulate)
        {
            var r = c;
            c00 = Avx.LoadVector256(r); c01 = Avx.LoadVector256(r + 8); c02 = Avx.LoadVector256(r + 16); c03 = Avx.LoadVector256(r + 24);
            r += ldc;
            c10 = Avx.LoadVector256(r); c11 = Avx.LoadVector256(r + 8); c12 = Avx.LoadVector256(r + 16); c13 = Avx.LoadVector256(r + 24);
            r += ldc;
            c20 = Avx.LoadVector256(r); c21 = Avx.LoadVector256(r + 8); c22 = Avx.LoadVector256(r + 16); c23 = Avx.LoadVector256(r + 24);
            r += ldc;
            c30 = Avx.LoadVector256(r); c31 = Avx.LoadVector256(r + 8); c32 = Avx.LoadVector256(r + 16); c33 = Avx.LoadVector256(r + 24);
        }
        else
        {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = c20 = c21 = c22 = c23 = c30 = c31 = c32 = c33 = Vector256<float>.Zero;
        }
        float* a1 = a + lda, a2 = a1 + lda, a3 = a2 + lda;
        for (var p = 0; p < k; p++)
        {
            var bp = b + (long)p * ldb;
            var b0 = Avx.LoadVector256(bp);
            var b1 = Avx.LoadVector256(bp + 8);
            var b2 = Avx.LoadVector256(bp + 16);
            var b3 = Avx.LoadVector256(bp + 24);
            var x = Vector256.Create(a[p]);
            c00 = MultiplyAdd(x, b0, c00); c01 = MultiplyAdd(x, b1, c01); c02 = MultiplyAdd(x, b2, c02); c03 = MultiplyAdd(x, b3, c03);
            x = Vector256.Create(a1[p]);
            c10 = MultiplyAdd(x, b0, c10); c11 = MultiplyAdd(x, b1, c11); c12 = MultiplyAdd(x, b2, c12); c13 = MultiplyAdd(x, b3, c13);
            x = Vector256.Create(a2[p]);
            c20 = MultiplyAdd(x, b0, c20); c21 = MultiplyAdd(x, b1, c21); c22 = MultiplyAdd(x, b2, c22); c23 = MultiplyAdd(x, b3, c23);
            x = Vector256.Create(a3[p]);
            c30 = MultiplyAdd(x, b0, c30); c31 = MultiplyAdd(x, b1, c31); c32 = MultiplyAdd(x, b2, c32); c33 = MultiplyAdd(x, b3, c33);
        }
        Avx.Store(c, c00); Avx.Store(c + 8, c01); Avx.Store(c + 16, c02); Avx.Store(c + 24, c03);
        c += ldc; Avx.Store(c, c10); Avx.Store(c + 8, c11); Avx.Store(c + 16, c12); Avx.Store(c + 24, c13);
        c += ldc; Avx.Store(c, c20); Avx.Store(c + 8, c21); Avx.Store(c + 16, c22); Avx.Store(c + 24, c23);
        c += ldc; Avx.Store(c, c30); Avx.Store(c + 8, c31); Avx.Store(c + 16, c32); Avx.Store(c + 24, c33);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel1x32(float* a, float* b, int ldb, float* c, int k, bool accumulate)
    {
        var c0 = accumulate ? Avx.LoadVector256(c) : Vector256<float>.Zero;
        var c1 = accumulate ? Avx.LoadVector256(c + 8) : Vector256<float>.Zero;
        var c2 = accumulate ? Avx.LoadVector256(c + 16) : Vector256<float>.Zero;
        var c3 = accumulate ? Avx.LoadVector256(c + 24) : Vector256<float>.Zero;
        for (var p = 0; p < k; p++)
        {
            var bp = b + (long)p * ldb;
            var x = Vector256.Create(a[p]);
            c0 = MultiplyAdd(x, Avx.LoadVector256(bp), c0);
            c1 = MultiplyAdd(x, Avx.LoadVector256(bp + 8), c1);
            c2 = MultiplyAdd(x, Avx.LoadVector256(bp + 16), c2);
            c3 = MultiplyAdd(x, Avx.LoadVector256(bp + 24), c3);
        }
        Avx.Store(c, c0); Avx.Store(c + 8, c1); Avx.Store(c + 16, c2); Avx.Store(c + 24, c3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel1x8(float* a, float* b, int ldb, float* c, int k, bool accumulate)
    {
        var c0 = accumulate ? Avx.LoadVector256(c) : Vector256<float>.Zero;
        for (var p = 0; p < k; p++) c0 = MultiplyAdd(Vector256.Create(a[p]), Avx.LoadVector256(b + (long)p * ldb), c0);
        Avx.Store(c, c0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void KernelT4x32(float* a, int lda, float* b, int ldb, float* c, int ldc, int rows)
    {
        Vector256<float> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector256<float> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector256<float> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector256<float> c30 = default, c31 = default, c32 = default, c33 = default;
        for (var p = 0; p < rows; p++)
        {
            var bp = b + (long)p * ldb;
            var ap = a + (long)p * lda;
            var b0 = Avx.LoadVector256(bp);
            var b1 = Avx.LoadVector256(bp + 8);
            var b2 = Avx.LoadVector256(bp + 16);
            var b3 = Avx.LoadVector256(bp + 24);
            var x = Vector256.Create(ap[0]);
            c00 = MultiplyAdd(x, b0, c00); c01 = MultiplyAdd(x, b1, c01); c02 = MultiplyAdd(x, b2, c02); c03 = MultiplyAdd(x, b3, c03);
            x = Vector256.Create(ap[1]);
            c10 = MultiplyAdd(x, b0, c10); c11 = MultiplyAdd(x, b1, c11); c12 = MultiplyAdd(x, b2, c12); c13 = MultiplyAdd(x, b3, c13);
            x = Vector256.Create(ap[2]);
            c20 = MultiplyAdd(x, b0, c20); c21 = MultiplyAdd(x, b1, c21); c22 = MultiplyAdd(x, b2, c22); c23 = MultiplyAdd(x, b3, c23);
            x = Vector256.Create(ap[3]);
            c30 = MultiplyAdd(x, b0, c30); c31 = MultiplyAdd(x, b1, c31); c32 = MultiplyAdd(x, b2, c32); c33 = MultiplyAdd(x, b3, c33);
        }
        AddStore(c, c00, c01, c02, c03);
        AddStore(c + ldc, c10, c11, c12, c13);
        AddStore(c + 2L * ldc, c20, c21, c22, c23);
        AddStore(c + 3L * ldc, c30, c31, c32, c33);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void KernelT1x32(float* a, int lda, float* b, int ldb, float* c, int rows)
    {
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default;
        for (var p = 0; p < rows; p++)
        {
            var bp = b + (long)p * ldb;
            var x = Vector256.Create(a[(long)p * lda]);
            c0 = MultiplyAdd(x, Avx.LoadVector256(bp), c0);
            c1 = MultiplyAdd(x, Avx.LoadVector256(bp + 8), c1);
            c2 = MultiplyAdd(x, Avx.LoadVector256(bp + 16), c2);
            c3 = MultiplyAdd(x, Avx.LoadVector256(bp + 24), c3);
        }
        AddStore(c, c0, c1, c2, c3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddStore(float* c, Vector256<float> v0, Vector256<float> v1, Vector256<float> v2, Vector256<float> v3)
    {
        Avx.Store(c, Avx.Add(Avx.LoadVector256(c), v0));
        Avx.Store(c + 8, Avx.Add(Avx.LoadVector256(c + 8), v1));
        Avx.Store(c + 16, Avx.Add(Avx.LoadVector256(c + 16), v2));
        Avx.Store(c + 24, Avx.Add(Avx.LoadVector256(c + 24), v3));
    }
}
