using EcgAnomaly.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgAnomaly.Training.Fast;

/// <summary>
/// The study's LSTM autoencoder computed by hand-written CPU kernels: the same parameters as
/// <see cref="LstmAutoencoder"/> (imported from and exported to it by state-dict key), forward and backward.
/// </summary>
internal sealed class FastLstmAutoencoder
{
    public FastLstmAutoencoder(int embedding, int steps)
    {
        Embedding = embedding;
        Steps = steps;
        Layers =
        [
            new FastLstmLayer("encoder.encoder_1", 1, 2 * embedding),
            new FastLstmLayer("encoder.encoder_embedding", 2 * embedding, embedding),
            new FastLstmLayer("decoder.decoder_1", embedding, embedding),
            new FastLstmLayer("decoder.decoder_2", embedding, 2 * embedding),
        ];
        OutputWeight = new PinnedBuffer(2 * embedding);
        OutputBias = new PinnedBuffer(1);
    }

    public int Embedding { get; }

    public int Steps { get; }

    /// <summary>encoder_1, encoder_embedding, decoder_1, decoder_2.</summary>
    public FastLstmLayer[] Layers { get; }

    /// <summary>decoder_3.weight (1 x 2E).</summary>
    public PinnedBuffer OutputWeight { get; }

    public PinnedBuffer OutputBias { get; }

    /// <summary>Why the fast path cannot run this model here, or null when it can.</summary>
    public static string? Unsupported(nn.Module<Tensor, Tensor> model, Device device)
    {
        if (model is not LstmAutoencoder lstm) return "the fast kernel implements the LSTM autoencoder only";
        if (device.type != DeviceType.CPU) return "the fast kernel runs on the CPU only";
        if (!Gemm.IsSupported) return "the fast kernel needs a CPU with AVX2 and FMA";
        if (lstm.EmbeddingSize % 8 != 0)
            return $"the fast kernel needs an embedding size that is a multiple of 8 (got {lstm.EmbeddingSize})";
        return null;
    }

    public static FastLstmAutoencoder From(LstmAutoencoder model)
    {
        var fast = new FastLstmAutoencoder(model.EmbeddingSize, model.BeatLength);
        fast.Import(model);
        return fast;
    }

    public void Import(nn.Module<Tensor, Tensor> model)
    {
        var state = model.state_dict();
        float[] Read(string key) => state[key].detach().cpu().contiguous().data<float>().ToArray();
        foreach (var layer in Layers)
            layer.Load(
                Read(layer.Name + ".weight_ih_l0"),
                Read(layer.Name + ".weight_hh_l0"),
                Read(layer.Name + ".bias_ih_l0"),
                Read(layer.Name + ".bias_hh_l0"));
        Read("decoder.decoder_3.weight").CopyTo(OutputWeight.Array, 0);
        Read("decoder.decoder_3.bias").CopyTo(OutputBias.Array, 0);
    }

    /// <summary>Writes the parameters into <paramref name="model"/>'s tensors (same keys, PyTorch layouts).</summary>
    public void Export(nn.Module<Tensor, Tensor> model)
    {
        var state = model.state_dict();
        using var noGrad = no_grad();
        void Write(string key, float[] values, int count)
        {
            var target = state[key];
            using var source = tensor(values.AsSpan(0, count).ToArray(), target.shape).to(target.device);
            target.copy_(source);
        }
        foreach (var layer in Layers)
        {
            layer.Refresh();
            Write(layer.Name + ".weight_ih_l0", layer.WeightIh.Array, layer.WeightIh.Length);
            Write(layer.Name + ".weight_hh_l0", layer.WeightHh.Array, layer.WeightHh.Length);
            Write(layer.Name + ".bias_ih_l0", layer.BiasIh.Array, layer.BiasIh.Length);
            Write(layer.Name + ".bias_hh_l0", layer.BiasHh.Array, layer.BiasHh.Length);
        }
        Write("decoder.decoder_3.weight", OutputWeight.Array, OutputWeight.Length);
        Write("decoder.decoder_3.bias", OutputBias.Array, 1);
    }
}
