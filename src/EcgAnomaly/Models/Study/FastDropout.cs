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
        using var draw = randint(long.MaxValue, [1], dtype: ScalarType.Int64);
        var seed = (ulong)draw.item<long>();
        using var mask = empty(input.shape);
        unsafe
        {
            // Tensor.bytes spans the CPU tensor's own storage: the mask is written in place, with no managed copy.
            fixed (byte* storage = mask.bytes) Fill((float*)storage, mask.numel(), seed, p);
        }
        return input * mask;
    }

    internal static unsafe void Fill(float[] mask, ulong seed, double p)
    {
        fixed (float* storage = mask) Fill(storage, mask.Length, seed, p);
    }

    private static unsafe void Fill(float* mask, long length, ulong seed, double p)
    {
        var threshold = (uint)Math.Min(p * 4294967296.0, uint.MaxValue);
        var keep = (float)(1.0 / (1.0 - p));
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
        var lanes = Vector256.Create(0UL, 1UL, 2UL, 3UL);
        var first = chunk * ChunkGroups;
        var last = Math.Min(first + ChunkGroups, (length + 7) / 8);
        Span<float> tail = stackalloc float[8];
        for (var g = first; g < last; g++)
        {
            var z = Vector256.Create(seed + (ulong)g * 4 * 0x9E3779B97F4A7C15UL) + lanes * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            var kept = Vector256.GreaterThanOrEqual(z.AsUInt32(), limit) & keepBits;
            var offset = g * 8;
            if (offset + 8 <= length) kept.AsSingle().Store(mask + offset);
            else
            {
                kept.AsSingle().CopyTo(tail);
                tail[..(int)(length - offset)].CopyTo(new Span<float>(mask + offset, (int)(length - offset)));
            }
        }
    }
}
