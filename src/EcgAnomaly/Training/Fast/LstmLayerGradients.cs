namespace EcgAnomaly.Training.Fast;

/// <summary>One shard's gradient of one layer, in the layer's master layouts; b_ih and b_hh share one gradient.</summary>
internal sealed class LstmLayerGradients(FastLstmLayer layer)
{
    public PinnedBuffer WeightIhT { get; } = new(layer.Input * layer.Gates);

    public PinnedBuffer WeightHhT { get; } = new(layer.Hidden * layer.Gates);

    public PinnedBuffer Bias { get; } = new(layer.Gates);

    public void Clear()
    {
        WeightIhT.Clear();
        WeightHhT.Clear();
        Bias.Clear();
    }

    public void Add(LstmLayerGradients other)
    {
        Accumulate(WeightIhT, other.WeightIhT);
        Accumulate(WeightHhT, other.WeightHhT);
        Accumulate(Bias, other.Bias);
    }

    private static void Accumulate(PinnedBuffer into, PinnedBuffer from) => VectorMath.AddInPlace(into.Span, from.Span);
}
