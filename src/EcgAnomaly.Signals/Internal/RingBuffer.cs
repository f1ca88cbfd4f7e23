namespace EcgAnomaly.Signals.Internal;

/// <summary>The last <c>capacity</c> values of a stream, addressed by their absolute sample index, so that a
/// detector running over a day of ECG keeps only seconds of it.</summary>
internal sealed class RingBuffer
{
    private readonly double[] _values;

    public RingBuffer(int capacity) => _values = new double[Math.Max(1, capacity)];

    /// <summary>Absolute index of the next value to be added (= number of values seen).</summary>
    public long Count { get; private set; }

    public long Oldest => Math.Max(0, Count - _values.Length);

    public void Add(double value) => _values[Count++ % _values.Length] = value;

    public double this[long index] => _values[index % _values.Length];

    /// <summary>Index of the largest value (or absolute value) in [from, to], clamped to what is still held.</summary>
    public long ArgMax(long from, long to, bool absolute = false, double offset = 0)
    {
        from = Math.Max(from, Oldest);
        to = Math.Min(to, Count - 1);
        var best = from;
        var bestValue = double.NegativeInfinity;
        for (var i = from; i <= to; i++)
        {
            var v = this[i] - offset;
            if (absolute) v = Math.Abs(v);
            if (v > bestValue) (best, bestValue) = (i, v);
        }
        return best;
    }

    public double Max(long from, long to) => this[ArgMax(from, to)];

    public double Mean(long from, long to)
    {
        from = Math.Max(from, Oldest);
        to = Math.Min(to, Count - 1);
        if (to < from) return 0;
        double sum = 0;
        for (var i = from; i <= to; i++) sum += this[i];
        return sum / (to - from + 1);
    }
}
