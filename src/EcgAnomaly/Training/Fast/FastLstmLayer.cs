namespace EcgAnomaly.Training.Fast;

/// <summary>
/// The parameters of one single-layer LSTM, kept transposed for the forward products (W_ih^T: I x 4H, W_hh^T: H x 4H)
/// with untransposed copies for the backward products. Gates in PyTorch's order (i, f, g, o).
/// </summary>
internal sealed unsafe class FastLstmLayer
{
    public FastLstmLayer(string name, int input, int hidden)
    {
        Name = name;
        Input = input;
        Hidden = hidden;
        var gates = 4 * hidden;
        WeightIhT = new PinnedBuffer(input * gates);
        WeightHhT = new PinnedBuffer(hidden * gates);
        BiasIh = new PinnedBuffer(gates);
        BiasHh = new PinnedBuffer(gates);
        WeightIh = new PinnedBuffer(gates * input);
        WeightHh = new PinnedBuffer(gates * hidden);
        Bias = new PinnedBuffer(gates);
    }

    /// <summary>The PyTorch module name, e.g. encoder.encoder_1.</summary>
    public string Name { get; }

    public int Input { get; }

    public int Hidden { get; }

    public int Gates => 4 * Hidden;

    public PinnedBuffer WeightIhT { get; }

    public PinnedBuffer WeightHhT { get; }

    public PinnedBuffer BiasIh { get; }

    public PinnedBuffer BiasHh { get; }

    /// <summary>W_ih as PyTorch stores it (4H x I), derived from <see cref="WeightIhT"/> by <see cref="Refresh"/>.</summary>
    public PinnedBuffer WeightIh { get; }

    /// <summary>W_hh as PyTorch stores it (4H x H), derived.</summary>
    public PinnedBuffer WeightHh { get; }

    /// <summary>b_ih + b_hh, derived.</summary>
    public PinnedBuffer Bias { get; }

    /// <summary>Recomputes the derived copies after the master parameters changed.</summary>
    public void Refresh()
    {
        Transpose(WeightIhT.Array, Input, Gates, WeightIh.Array);
        Transpose(WeightHhT.Array, Hidden, Gates, WeightHh.Array);
        for (var j = 0; j < Gates; j++) Bias.Array[j] = BiasIh.Array[j] + BiasHh.Array[j];
    }

    /// <summary>Sets the parameters from PyTorch layouts (W_ih 4H x I, W_hh 4H x H).</summary>
    public void Load(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh)
    {
        Transpose(weightIh, Gates, Input, WeightIhT.Array);
        Transpose(weightHh, Gates, Hidden, WeightHhT.Array);
        biasIh.CopyTo(BiasIh.Array);
        biasHh.CopyTo(BiasHh.Array);
        Refresh();
    }

    public static void Transpose(ReadOnlySpan<float> source, int rows, int columns, Span<float> destination)
    {
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                destination[c * rows + r] = source[r * columns + c];
    }
}
