using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>
/// The study's LSTM autoencoder (SEED-STUDY.md). Field names are PyTorch's, so the state-dict keys are the study's
/// (<c>encoder.encoder_1.weight_ih_l0</c>, ..., <c>decoder.decoder_3.bias</c>).
/// </summary>
public sealed class LstmAutoencoder : nn.Module<Tensor, Tensor>
{
    private readonly LstmEncoder encoder;
    private readonly LstmDecoder decoder;

    /// <param name="embeddingSize">Code size E (1-4096; the study: 32, 64, 128, 256).</param>
    /// <param name="beatLength">Samples per beat, the number of LSTM steps.</param>
    public LstmAutoencoder(int embeddingSize, int beatLength) : base(nameof(LstmAutoencoder))
    {
        Preconditions.CheckArgumentRange(nameof(embeddingSize), embeddingSize, 1, 4096);
        Preconditions.CheckArgumentRange(nameof(beatLength), beatLength, 2, 1_000_000);
        EmbeddingSize = embeddingSize;
        BeatLength = beatLength;
        encoder = new LstmEncoder(embeddingSize);
        decoder = new LstmDecoder(embeddingSize, beatLength);
        RegisterComponents();
    }

    /// <summary>Code size E: the width of the encoder's last hidden state.</summary>
    public int EmbeddingSize { get; }

    /// <summary>Samples per beat the model reads and reconstructs.</summary>
    public int BeatLength { get; }

    /// <param name="beats">batch x steps</param>
    /// <returns>The reconstruction, batch x steps.</returns>
    public override Tensor forward(Tensor beats)
    {
        using var scope = NewDisposeScope();
        return decoder.call(encoder.call(beats.unsqueeze(-1))).MoveToOuterDisposeScope();
    }
}
