namespace EcgAnomaly.Models;

/// <summary>
/// Sizes as a user gives them (the command line's <c>--embedding</c>, <c>--input-dim</c>, ...), each optional; a family
/// takes the ones it uses and its own defaults for the rest.
/// </summary>
public sealed record ModelSizes(
    int? EmbeddingSize = null, int? InputDim = null, int? FeedForwardDim = null, int? Heads = null, int? Layers = null);
