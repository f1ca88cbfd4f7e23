using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgAnomaly.Models.Study;

/// <summary>
/// Inverted dropout with the same law as PyTorch's (each element kept with probability 1 - p and scaled by
/// 1/(1 - p)) but a cheaper mask on the CPU. libtorch's bernoulli_ costs about 6 ns per element here, and the
/// study's Transformers drop out 140 x 140 attention maps and F-wide feed-forward activations: that was more than
/// half of a training step (bench/NOTES.md). The mask comes from a counter-based SplitMix64 hash, 8 lanes at a time,
/// seeded by one draw from Torch's generator so that --seed and a checkpoint's saved RNG state still fix every mask;
/// each 64K-element chunk hashes its own counters, so the mask does not depend on the thread count.
/// </summary>
internal static class FastDropout
{
    private const int ChunkGroups = 8192; // 8 elements per group

    public static Tensor Apply(Tensor input, double p, bool training)
    {
        if (!training || p <= 0) return input;
        if (input.device_type != DeviceType.CPU || input.dtype != ScalarType.Float32) return nn.functional.dropout(input, p, true);
        var seed = DrawSeed();
        using var mask = empty(input.shape);
        unsafe
        {
            // Tensor.bytes spans the CPU tensor's own storage: the mask is written in place, with no managed copy.
            fixed (byte* storage = mask.bytes) Fill((float*)storage, mask.numel(), seed, p);
        }
        return input * mask;
    }

    /// <summary>One draw from Torch's generator: the seed of one mask.</summary>
    public static ulong DrawSeed()
    {
        using var draw = randint(long.MaxValue, [1], dtype: ScalarType.Int64);
        return (ulong)draw.item<long>();
    }

    /// <summary>Elements whose 32-bit hash falls below this are dropped.</summary>
    public static uint Threshold(double p) => (uint)Math.Min(p * 4294967296.0, uint.MaxValue);

    /// <summary>What a kept element is multiplied by.</summary>
    public static float KeepScale(double p) => (float)(1.0 / (1.0 - p));

    internal static unsafe void Fill(float[] mask, ulong seed, double p)
    {
        fixed (float* storage = mask) Fill(storage, mask.Length, seed, p);
    }

    /// <summary>
    /// Elements <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 of the mask a whole
    /// tensor would get from <paramref name="seed"/>: 0 or the keep scale, for a kernel that drops out part by part.
    /// </summary>
    internal static unsafe void FillRange(float* into, long start, int count, ulong seed, uint threshold, float keep)
    {
        var keepBits = Vector256.Create(BitConverter.SingleToUInt32Bits(keep));
        var limit = Vector256.Create(threshold);
        Span<float> partial = stackalloc float[8];
        for (long e = start, end = start + count; e < end;)
        {
            var g = e / 8;
            var offset = (int)(e - g * 8);
            var n = (int)Math.Min(8 - offset, end - e);
            var kept = Group(seed, g, limit, keepBits);
            if (n == 8) kept.Store(into + (e - start));
            else
            {
                kept.CopyTo(partial);
                partial.Slice(offset, n).CopyTo(new Span<float>(into + (e - start), n));
            }
            e += n;
        }
    }

    private static unsafe void Fill(float* mask, long length, ulong seed, double p)
    {
        var threshold = Threshold(p);
        var keep = KeepScale(p);
        var groups = (length + 7) / 8;
        var chunks = (groups + ChunkGroups - 1) / ChunkGroups;
        var address = (nint)mask;
        Parallel.For(0L, chunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, get_num_threads()) },
            chunk => FillChunk((float*)address, length, chunk, seed, threshold, keep));
    }

    private static unsafe void FillChunk(float* mask, long length, long chunk, ulong seed, uint threshold, float keep)
    {
        var keepBits = Vector256.Create(BitConverter.SingleToUInt32Bits(keep));
        var limit = Vector256.Create(threshold);
        var first = chunk * ChunkGroups;
        var last = Math.Min(first + ChunkGroups, (length + 7) / 8);
        Span<float> tail = stackalloc float[8];
        for (var g = first; g < last; g++)
        {
            var kept = Group(seed, g, limit, keepBits);
            var offset = g * 8;
            if (offset + 8 <= length) kept.Store(mask + offset);
            else
            {
                kept.CopyTo(tail);
                tail[..(int)(length - offset)].CopyTo(new Span<float>(mask + offset, (int)(length - offset)));
            }
        }
    }

    /// <summary>The mask of elements 8g to 8g + 7: SplitMix64 of four counters, each giving two 32-bit draws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Group(ulong seed, long g, Vector256<uint> limit, Vector256<uint> keepBits)
    {
        var lanes = Vector256.Create(0UL, 1UL, 2UL, 3UL);
        var z = Vector256.Create(seed + (ulong)g * 4 * 0x9E3779B97F4A7C15UL) + lanes * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (Vector256.GreaterThanOrEqual(z.AsUInt32(), limit) & keepBits).AsSingle();
    }
}
