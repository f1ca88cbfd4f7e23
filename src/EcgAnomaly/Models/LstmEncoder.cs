using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>The study's encoder: LSTM(1 -> 2E), LSTM(2E -> E); the code is the last hidden state of the second.</summary>
public sealed class LstmEncoder : nn.Module<Tensor, Tensor>
{
    private readonly LSTM encoder_1;
    private readonly LSTM encoder_embedding;

    /// <param name="embeddingSize">Code size E.</param>
    public LstmEncoder(int embeddingSize) : base("encoder")
    {
        encoder_1 = nn.LSTM(1, 2 * embeddingSize, numLayers: 1, batchFirst: true);
        encoder_embedding = nn.LSTM(2 * embeddingSize, embeddingSize, numLayers: 1, batchFirst: true);
        RegisterComponents();
    }

    /// <param name="input">batch x steps x 1</param>
    /// <returns>The code, 1 x batch x E.</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var (hidden, _, _) = encoder_1.call(input);
        var (_, code, _) = encoder_embedding.call(hidden);
        return code.MoveToOuterDisposeScope();
    }
}
