using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>The study's decoder: the code repeated at every step, LSTM(E -> E), LSTM(E -> 2E), Linear(2E -> 1) per step.</summary>
public sealed class LstmDecoder : nn.Module<Tensor, Tensor>
{
    private readonly LSTM decoder_1;
    private readonly LSTM decoder_2;
    private readonly Linear decoder_3;
    private readonly int _steps;

    /// <param name="embeddingSize">Code size E.</param>
    /// <param name="steps">Samples per reconstructed beat.</param>
    public LstmDecoder(int embeddingSize, int steps) : base("decoder")
    {
        _steps = steps;
        decoder_1 = nn.LSTM(embeddingSize, embeddingSize, numLayers: 1, batchFirst: true);
        decoder_2 = nn.LSTM(embeddingSize, 2 * embeddingSize, numLayers: 1, batchFirst: true);
        decoder_3 = nn.Linear(2 * embeddingSize, 1);
        RegisterComponents();
    }

    /// <param name="code">1 x batch x E</param>
    /// <returns>batch x steps</returns>
    public override Tensor forward(Tensor code)
    {
        using var scope = NewDisposeScope();
        var repeated = code.permute(1, 0, 2).repeat(1, _steps, 1);
        var (x, _, _) = decoder_1.call(repeated);
        (x, _, _) = decoder_2.call(x);
        return decoder_3.call(x).squeeze(-1).MoveToOuterDisposeScope();
    }
}
