using System.Runtime.Intrinsics;

namespace EcgAnomaly.Training.Fast;

/// <summary>
/// One thread's share of a batch: its own activations and gradients for up to <see cref="Capacity"/> beats, so that
/// two shards run forward and backward independently and meet only to add their gradients.
/// </summary>
internal sealed unsafe class FastLstmShard
{
    private readonly FastLstmAutoencoder _model;
    private readonly LstmLayerWorkspace[] _layers;
    private readonly PinnedBuffer _input;
    private readonly PinnedBuffer _output;
    private readonly PinnedBuffer _outputGradient;
    private readonly PinnedBuffer _decoder2Gradient;
    private readonly PinnedBuffer _decoder1Gradient;
    private readonly PinnedBuffer _codeGradient;
    private readonly PinnedBuffer _encoder1Gradient;

    public FastLstmShard(FastLstmAutoencoder model, int capacity)
    {
        _model = model;
        Capacity = capacity;
        var steps = model.Steps;
        var e = model.Embedding;
        _layers = model.Layers.Select(l => new LstmLayerWorkspace(l, steps, capacity)).ToArray();
        _input = new PinnedBuffer(steps * capacity);
        _output = new PinnedBuffer(steps * capacity);
        _outputGradient = new PinnedBuffer(steps * capacity);
        _decoder2Gradient = new PinnedBuffer(steps * capacity * 2 * e);
        _decoder1Gradient = new PinnedBuffer(steps * capacity * e);
        _codeGradient = new PinnedBuffer(capacity * e);
        _encoder1Gradient = new PinnedBuffer(steps * capacity * 2 * e);
        OutputWeightGradient = new PinnedBuffer(2 * e);
        OutputBiasGradient = new PinnedBuffer(1);
    }

    public int Capacity { get; }

    public IReadOnlyList<LstmLayerGradients> LayerGradients => _layers.Select(l => l.Gradients).ToArray();

    public PinnedBuffer OutputWeightGradient { get; }

    public PinnedBuffer OutputBiasGradient { get; }

    /// <summary>
    /// Reconstructs <paramref name="rows"/> beats (row-major, B x T) and writes each beat's L1 error into <paramref name="scores"/>.
    /// </summary>
    /// <param name="beats">rows x T values, row-major.</param>
    /// <param name="rows">Beats to reconstruct, at most <see cref="Capacity"/>.</param>
    /// <param name="scores">Receives each beat's summed absolute error (the first <paramref name="rows"/> entries).</param>
    /// <param name="keepForBackward">False when only scoring (then <see cref="Backward"/> must not follow).</param>
    public void Forward(ReadOnlySpan<float> beats, int rows, Span<double> scores, bool keepForBackward = true)
    {
        if (rows > Capacity) throw new ArgumentOutOfRangeException(nameof(rows), rows, $"a shard holds at most {Capacity} beats");
        var steps = _model.Steps;
        var x = _input.Pointer;
        for (var b = 0; b < rows; b++)
            for (var t = 0; t < steps; t++)
                x[t * rows + b] = beats[b * steps + t];
        var (enc1, enc2, dec1, dec2) = (_layers[0], _layers[1], _layers[2], _layers[3]);
        LstmLayerPass.Forward(enc1, LstmInputKind.Scalar, x, rows, keepForBackward);
        LstmLayerPass.Forward(enc2, LstmInputKind.Sequence, enc1.Output.Pointer, rows, keepForBackward);
        LstmLayerPass.Forward(dec1, LstmInputKind.Constant, Code(rows), rows, keepForBackward);
        LstmLayerPass.Forward(dec2, LstmInputKind.Sequence, dec1.Output.Pointer, rows, keepForBackward);

        var hidden = dec2.Layer.Hidden;
        var w = _model.OutputWeight.Pointer;
        var bias = _model.OutputBias.Array[0];
        scores[..rows].Clear();
        for (var t = 0; t < steps; t++)
            for (var b = 0; b < rows; b++)
            {
                var index = t * rows + b;
                var y = Dot(dec2.Output.Pointer + (long)index * hidden, w, hidden) + bias;
                _output.Pointer[index] = y;
                scores[b] += Math.Abs(y - x[index]);
            }
    }

    /// <summary>Back-propagates the summed L1 loss of the last <see cref="Forward"/>, replacing this shard's gradients.</summary>
    public void Backward(int rows)
    {
        var steps = _model.Steps;
        var (enc1, enc2, dec1, dec2) = (_layers[0], _layers[1], _layers[2], _layers[3]);
        foreach (var layer in _layers) layer.Gradients.Clear();
        OutputWeightGradient.Clear();
        var hidden = dec2.Layer.Hidden;
        var w = _model.OutputWeight.Pointer;
        var dOut = _decoder2Gradient.Pointer;
        var gw = OutputWeightGradient.Pointer;
        float gb = 0;
        for (var index = 0; index < steps * rows; index++)
        {
            var diff = _output.Pointer[index] - _input.Pointer[index];
            // d|y - x| / dy = sign(y - x), with sign(0) = 0 as in PyTorch.
            float sign = diff > 0 ? 1f : diff < 0 ? -1f : 0f;
            gb += sign;
            var h = dec2.Output.Pointer + (long)index * hidden;
            var d = dOut + (long)index * hidden;
            var s = Vector256.Create(sign);
            for (var j = 0; j < hidden; j += 8)
            {
                Vector256.Store(s * Vector256.Load(w + j), d + j);
                Vector256.Store(Vector256.Load(gw + j) + s * Vector256.Load(h + j), gw + j);
            }
        }
        OutputBiasGradient.Array[0] = gb;
        float* dDecoder1 = _decoder1Gradient.Pointer, dCode = _codeGradient.Pointer, dEncoder1 = _encoder1Gradient.Pointer;
        LstmLayerPass.Backward(dec2, LstmInputKind.Sequence, dec1.Output.Pointer, dOut, false, dDecoder1, rows);
        LstmLayerPass.Backward(dec1, LstmInputKind.Constant, Code(rows), dDecoder1, false, dCode, rows);
        LstmLayerPass.Backward(enc2, LstmInputKind.Sequence, enc1.Output.Pointer, dCode, true, dEncoder1, rows);
        LstmLayerPass.Backward(enc1, LstmInputKind.Scalar, _input.Pointer, dEncoder1, false, null, rows);
    }

    /// <summary>The code: the second encoder layer's hidden state at the last step (B x E).</summary>
    private float* Code(int rows) => _layers[1].Output.Pointer + (long)(_model.Steps - 1) * rows * _model.Embedding;

    private static float Dot(float* a, float* b, int length)
    {
        var sum = Vector256<float>.Zero;
        for (var j = 0; j < length; j += 8) sum += Vector256.Load(a + j) * Vector256.Load(b + j);
        return Vector256.Sum(sum);
    }
}
