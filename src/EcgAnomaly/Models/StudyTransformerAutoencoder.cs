using EcgAnomaly.Models.Study;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>
/// The study's Transformer autoencoder (SEED-STUDY.md): each sample copied D times into a D-dim token, no positional
/// encoding, a TransformerEncoder and a TransformerDecoder of PyTorch's default layers (dropout 0.1, ReLU, post-norm,
/// sequence-first) with the encoder output as both target and memory, then Linear(D -> 1) at every step.
/// State-dict keys: encoder.layers.N.*, decoder.layers.N.*, fc.weight|bias.
/// The layers are written out (Models/Study) rather than taken from TorchSharp's nn.TransformerEncoderLayer only so
/// that dropout can use a cheaper mask; tests check them against TorchSharp's layers and against PyTorch.
/// </summary>
public sealed class StudyTransformerAutoencoder : nn.Module<Tensor, Tensor>
{
    private readonly StudyEncoder encoder;
    private readonly StudyDecoder decoder;
    private readonly Linear fc;
    private readonly int _inputDim;

    /// <summary>PyTorch's default dropout for Transformer layers, which the study kept.</summary>
    public const double Dropout = 0.1;

    /// <param name="inputDim">Token width D: each sample is repeated D times.</param>
    /// <param name="feedForwardDim">Feed-forward width F.</param>
    /// <param name="heads">Attention heads H; must divide D.</param>
    /// <param name="layers">Encoder and decoder layers L.</param>
    public StudyTransformerAutoencoder(int inputDim, int feedForwardDim, int heads, int layers) : base(nameof(StudyTransformerAutoencoder))
    {
        Preconditions.CheckArgumentRange(nameof(inputDim), inputDim, 1, 4096);
        Preconditions.CheckArgumentRange(nameof(feedForwardDim), feedForwardDim, 1, 65536);
        Preconditions.CheckArgumentRange(nameof(heads), heads, 1, inputDim);
        Preconditions.CheckArgumentRange(nameof(layers), layers, 1, 64);
        if (inputDim % heads != 0) throw new ArgumentException($"input dim {inputDim} must be divisible by heads {heads}", nameof(heads));
        _inputDim = inputDim;
        encoder = new StudyEncoder(inputDim, heads, feedForwardDim, layers, Dropout);
        decoder = new StudyDecoder(inputDim, heads, feedForwardDim, layers, Dropout);
        fc = nn.Linear(inputDim, 1);
        RegisterComponents();
    }

    /// <param name="beats">batch x steps</param>
    /// <returns>batch x steps</returns>
    public override Tensor forward(Tensor beats)
    {
        using var scope = NewDisposeScope();
        // Sequence-first, as PyTorch's layers expect by default: steps x batch x D.
        var tokens = beats.transpose(0, 1).unsqueeze(-1).repeat(1, 1, _inputDim);
        var memory = encoder.call(tokens);
        var decoded = decoder.call(memory, memory);
        return fc.call(decoded).squeeze(-1).transpose(0, 1).MoveToOuterDisposeScope();
    }
}
