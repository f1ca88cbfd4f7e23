using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>
/// A Transformer autoencoder that cannot simply copy its input, unlike the study's: the beat is cut into patches
/// (tokens with learned positions), encoded, pooled by a few learned latent queries into a narrow code (the
/// bottleneck), and rebuilt by position queries that see the input only through that code.
/// </summary>
public sealed class PatchTransformerAutoencoder : nn.Module<Tensor, Tensor>
{
    private readonly Linear patch_embed;
    private readonly Parameter positions;
    private readonly TransformerEncoder encoder;
    private readonly Parameter latent_queries;
    private readonly TransformerDecoderLayer pool;
    private readonly Linear to_latent;
    private readonly Linear from_latent;
    private readonly Parameter queries;
    private readonly TransformerDecoder decoder;
    private readonly Linear head;
    private readonly int _beatLength;
    private readonly int _patch;
    private readonly int _tokens;

    /// <param name="beatLength">Samples per beat; the last patch is zero-padded when it does not divide evenly.</param>
    /// <param name="patchSize">Samples per token.</param>
    /// <param name="modelDim">Model width; must be divisible by <paramref name="heads"/>.</param>
    /// <param name="heads">Attention heads.</param>
    /// <param name="feedForwardDim">Feed-forward width of every layer.</param>
    /// <param name="layers">Encoder and decoder layers.</param>
    /// <param name="latentTokens">Tokens of the code.</param>
    /// <param name="latentDim">Width of each code token (the code holds latentTokens x latentDim numbers).</param>
    public PatchTransformerAutoencoder(
        int beatLength, int patchSize, int modelDim, int heads, int feedForwardDim, int layers, int latentTokens, int latentDim)
        : base(nameof(PatchTransformerAutoencoder))
    {
        Preconditions.CheckArgumentRange(nameof(beatLength), beatLength, 2, 1_000_000);
        Preconditions.CheckArgumentRange(nameof(patchSize), patchSize, 1, beatLength);
        if (modelDim % heads != 0) throw new ArgumentException($"model dim {modelDim} must be divisible by heads {heads}", nameof(heads));
        _beatLength = beatLength;
        _patch = patchSize;
        _tokens = (beatLength + patchSize - 1) / patchSize;
        patch_embed = nn.Linear(patchSize, modelDim);
        positions = nn.Parameter(randn(_tokens, 1, modelDim) * 0.02);
        encoder = nn.TransformerEncoder(nn.TransformerEncoderLayer(modelDim, heads, feedForwardDim, 0.0), layers);
        latent_queries = nn.Parameter(randn(latentTokens, 1, modelDim) * 0.02);
        pool = nn.TransformerDecoderLayer(modelDim, heads, feedForwardDim, 0.0);
        to_latent = nn.Linear(modelDim, latentDim);
        from_latent = nn.Linear(latentDim, modelDim);
        queries = nn.Parameter(randn(_tokens, 1, modelDim) * 0.02);
        decoder = nn.TransformerDecoder(nn.TransformerDecoderLayer(modelDim, heads, feedForwardDim, 0.0), layers);
        head = nn.Linear(modelDim, patchSize);
        RegisterComponents();
    }

    /// <param name="beats">batch x steps</param>
    /// <returns>batch x steps</returns>
    public override Tensor forward(Tensor beats)
    {
        using var scope = NewDisposeScope();
        var batch = beats.shape[0];
        var padded = _tokens * _patch == _beatLength ? beats : nn.functional.pad(beats, [0, _tokens * _patch - _beatLength]);
        // tokens x batch x patch, sequence-first like PyTorch's layers
        var patches = padded.reshape(batch, _tokens, _patch).transpose(0, 1);
        var memory = encoder.call(KeptScalars.Plus(patch_embed.call(patches), positions));
        var pooled = pool.call(latent_queries.expand(-1, batch, -1), memory);
        var code = from_latent.call(tanh(to_latent.call(pooled)));
        var decoded = decoder.call(queries.expand(-1, batch, -1), code);
        var output = head.call(decoded).transpose(0, 1).reshape(batch, _tokens * _patch);
        return output[.., .._beatLength].MoveToOuterDisposeScope();
    }
}
