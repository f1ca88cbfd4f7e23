namespace EcgAnomaly.Models;

/// <summary>The size ranges both Transformer families share; the exceptions name the spec property at fault.</summary>
internal static class TransformerSizeChecks
{
    /// <summary>PyTorch's encoder layer: self-attention (4D² + 4D), feed-forward (2DF + F + D), two layer norms (4D).</summary>
    public static long EncoderLayerParameters(long width, long feedForwardDim) =>
        4 * width * width + 2 * width * feedForwardDim + 9 * width + feedForwardDim;

    /// <summary>PyTorch's decoder layer: two attentions (8D² + 8D), feed-forward (2DF + F + D), three layer norms (6D).</summary>
    public static long DecoderLayerParameters(long width, long feedForwardDim) =>
        8 * width * width + 2 * width * feedForwardDim + 15 * width + feedForwardDim;

    /// <summary>
    /// Floats one attention block keeps per beat: scores, softmax and dropout mask for every head over every pair of
    /// tokens, and the projections and feed-forward activations of every token.
    /// </summary>
    public static double AttentionLayerFloats(double tokens, double width, double feedForwardDim, double heads) =>
        3 * heads * tokens * tokens + tokens * (8 * width + 2 * feedForwardDim);

    /// <returns>Null when the sizes fit, else why the heads do not divide the width (the caller names its property).</returns>
    public static string? Check(string widthName, string widthWords, int width, int feedForwardDim, int heads, int layers)
    {
        Preconditions.CheckArgumentRange(widthName, width, 1, 4096);
        Preconditions.CheckArgumentRange("FeedForwardDim", feedForwardDim, 1, 65536);
        Preconditions.CheckArgumentRange("Heads", heads, 1, 256);
        Preconditions.CheckArgumentRange("Layers", layers, 1, 64);
        return width % heads == 0 ? null : $"the {widthWords} {width} must be divisible by the number of heads {heads}";
    }
}
