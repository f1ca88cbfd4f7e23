namespace EcgAnomaly.Training.Fast;

/// <summary>
/// What one shard keeps of one layer for up to <see cref="Capacity"/> beats over all steps: gate activations (later
/// their gradients), cell states, tanh of the cell states and outputs, time-major (step, beat, unit).
/// </summary>
internal sealed unsafe class LstmLayerWorkspace
{
    public LstmLayerWorkspace(FastLstmLayer layer, int steps, int capacity)
    {
        Layer = layer;
        Steps = steps;
        Capacity = capacity;
        Gates = new PinnedBuffer(steps * capacity * layer.Gates);
        Cell = new PinnedBuffer(steps * capacity * layer.Hidden);
        TanhCell = new PinnedBuffer(steps * capacity * layer.Hidden);
        Output = new PinnedBuffer(steps * capacity * layer.Hidden);
        RecurrentGradient = new PinnedBuffer(capacity * layer.Hidden);
        HiddenGradient = new PinnedBuffer(capacity * layer.Hidden);
        CellGradient = new PinnedBuffer(capacity * layer.Hidden);
        ConstantProjection = new PinnedBuffer(capacity * layer.Gates);
        Gradients = new LstmLayerGradients(layer);
    }

    public FastLstmLayer Layer { get; }

    public int Steps { get; }

    public int Capacity { get; }

    public PinnedBuffer Gates { get; }

    public PinnedBuffer Cell { get; }

    public PinnedBuffer TanhCell { get; }

    /// <summary>h for every step: T x B x H.</summary>
    public PinnedBuffer Output { get; }

    public PinnedBuffer RecurrentGradient { get; }

    public PinnedBuffer HiddenGradient { get; }

    public PinnedBuffer CellGradient { get; }

    /// <summary>B x 4H; for a constant input, its projection plus bias, then (backward) the gate gradients summed over steps.</summary>
    public PinnedBuffer ConstantProjection { get; }

    public LstmLayerGradients Gradients { get; }
}
