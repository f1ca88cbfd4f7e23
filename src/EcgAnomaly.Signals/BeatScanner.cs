namespace EcgAnomaly.Signals;

/// <summary>
/// Streams one lead through <see cref="QrsDetector"/> and cuts each detected beat as <see cref="BeatWindow"/> says,
/// linearly resampled to <c>beatLength</c> samples. The beats stay in the signal's units: normalising them is the
/// model's business, not the reader's. Holds 30 s of signal, whatever the recording's length.
/// </summary>
public sealed class BeatScanner
{
    private readonly QrsDetector _detector;
    private readonly BeatWindow _window;
    private readonly int _length;
    private readonly double _fs;
    private readonly float[] _ring;
    private readonly List<long> _peaks = [];
    private readonly List<ExtractedBeat> _ready = [];
    private long _count;
    private int _emitted;

    /// <summary>The fewest samples a cut beat may have.</summary>
    public const int MinimumBeatLength = 8;

    /// <param name="samplingFrequency">Samples per second of the lead, in Hz.</param>
    /// <param name="beatLength">Samples per cut beat (8-100,000; ECG5000's beats have 140).</param>
    /// <param name="window">Which stretch around each R peak becomes a beat.</param>
    public BeatScanner(double samplingFrequency, int beatLength, BeatWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        Preconditions.CheckArgumentRange(nameof(beatLength), beatLength, MinimumBeatLength, 100_000);
        _detector = new QrsDetector(samplingFrequency);
        _fs = samplingFrequency;
        _length = beatLength;
        _window = window;
        _ring = new float[(int)Math.Ceiling(30 * samplingFrequency)];
    }

    /// <summary>R peaks detected so far (all of them, also those whose beat could not be cut at the edges).</summary>
    public IReadOnlyList<long> Peaks => _peaks;

    /// <summary>Samples pushed so far.</summary>
    public long SampleCount => _count;

    /// <summary>
    /// Feeds the next samples of the lead (any number, in the signal's units) and returns the beats that could be cut
    /// with them; a beat comes out once the signal it spans (and, for <c>rr</c> windows, the next R peak) has arrived.
    /// </summary>
    public IReadOnlyList<ExtractedBeat> Push(ReadOnlySpan<float> samples)
    {
        _ready.Clear();
        // Samples go into the ring before the detector sees them, so any peak it reports already has its signal.
        var offset = 0;
        while (offset < samples.Length)
        {
            var n = Math.Min(samples.Length - offset, _ring.Length / 4);
            var piece = samples.Slice(offset, n);
            for (var i = 0; i < n; i++) _ring[(_count + i) % _ring.Length] = piece[i];
            _count += n;
            _peaks.AddRange(_detector.Push(piece));
            CutReady(final: false);
            offset += n;
        }
        return _ready.ToArray();
    }

    /// <summary>
    /// Ends the lead: returns the beats still held back (the last <c>rr</c> beat uses the interval before it); beats whose
    /// window runs past either end of the signal are not cut.
    /// </summary>
    public IReadOnlyList<ExtractedBeat> Finish()
    {
        _ready.Clear();
        _peaks.AddRange(_detector.Finish());
        CutReady(final: true);
        return _ready.ToArray();
    }

    private void CutReady(bool final)
    {
        while (_emitted < _peaks.Count)
        {
            var r = _peaks[_emitted];
            double start, step;
            if (_window.IsRr)
            {
                double rr;
                if (_emitted + 1 < _peaks.Count) rr = _peaks[_emitted + 1] - r;
                else if (final && _emitted > 0) rr = r - _peaks[_emitted - 1];
                else if (final) rr = _fs;
                else return; // wait for the next peak
                rr = Math.Clamp(rr, BeatWindow.MinimumRr * _fs, BeatWindow.MaximumRr * _fs);
                step = rr / _length;
                start = r - BeatWindow.RrPeakIndex * step;
            }
            else
            {
                step = (_window.Before + _window.After) * _fs / _length;
                start = r - _window.Before * _fs;
            }
            var end = start + step * (_length - 1);
            if (Math.Ceiling(end) >= _count && !final) return; // its signal has not arrived yet
            if (start >= _count - _ring.Length && Math.Ceiling(end) < _count && start >= 0)
                _ready.Add(Cut(r, start, step));
            _emitted++;
        }
    }

    private ExtractedBeat Cut(long r, double start, double step)
    {
        var values = new float[_length];
        for (var k = 0; k < _length; k++)
        {
            var t = start + k * step;
            var i = (long)Math.Floor(t);
            var f = t - i;
            var a = _ring[i % _ring.Length];
            var b = _ring[Math.Min(i + 1, _count - 1) % _ring.Length];
            values[k] = (float)(a + f * (b - a));
        }
        var index = _emitted;
        var rrBefore = index > 0 ? (r - _peaks[index - 1]) / _fs : double.NaN;
        return new ExtractedBeat(index, r, r / _fs, rrBefore, values);
    }
}
