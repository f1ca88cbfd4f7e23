namespace EcgAnomaly.Models;

/// <summary>The size ranges both Transformer families share; the exceptions name the spec property at fault.</summary>
internal static class TransformerSizeChecks
{
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
