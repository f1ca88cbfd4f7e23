using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Signals;

/// <summary>
/// Streaming QRS detector after Pan and Tompkins (IEEE TBME 32(3), 1985) with Hamilton and Tompkins' refinements:
/// 5-15 Hz band-pass (Butterworth sections designed for the sampling rate at hand), five-point derivative, its
/// magnitude (not its square, as in Hamilton and Tompkins' detector, so that thresholds scale with amplitude and a
/// wide or small beat half as tall as the others still clears them), 150 ms moving-window integration, adaptive
/// signal/noise peak levels, a 250 ms refractory period, T-wave rejection by slope within 360 ms, search-back at half
/// the threshold after 1.66 mean RR intervals without a beat, and a signal level that decays when even search-back
/// finds nothing for 3 mean RR intervals (the amplitude dropped). The R peak is then placed at the largest deflection
/// of the raw signal around the QRS's steepest slope, since reference annotations mark the R wave, not the filter
/// output. Only a few seconds of signal are held, so a 24-hour recording streams through.
/// </summary>
public sealed class QrsDetector
{
    private const int RrHistory = 8;

    private readonly double _fs;
    private readonly Biquad _lowPass;
    private readonly Biquad _highPass;
    private readonly int _window;
    private readonly RingBuffer _raw;
    private readonly RingBuffer _band;
    private readonly RingBuffer _slope;
    private readonly RingBuffer _magnitude;
    private readonly List<(long Index, double Value, double Slope)> _pending = [];
    private readonly List<(long Index, double Value, double Slope)> _noise = [];
    private readonly Queue<double> _rr = new();
    private readonly List<long> _output = [];

    private long _n;
    private double _sum;
    private double _previous;
    private bool _candidateActive;
    private long _candidateIndex;
    private double _candidateValue;
    private bool _initialised;
    private double _learnMax;
    private double _learnSum;
    private double _signalLevel;
    private double _noiseLevel;
    private long _lastQrs = -1;
    private double _lastSlope;
    private double _rrMean;

    /// <summary>The lowest sampling frequency the detector takes, in Hz (its 15 Hz low-pass needs more than 30).</summary>
    public const double MinimumFrequency = 50;

    /// <summary>The highest sampling frequency the detector takes, in Hz.</summary>
    public const double MaximumFrequency = 100_000;

    /// <param name="samplingFrequency">Samples per second of the lead, in Hz (50-100,000); the filters are designed for it.</param>
    public QrsDetector(double samplingFrequency)
    {
        Preconditions.CheckArgumentRange(nameof(samplingFrequency), samplingFrequency, MinimumFrequency, MaximumFrequency);
        _fs = samplingFrequency;
        _lowPass = Biquad.LowPass(15, _fs);
        _highPass = Biquad.HighPass(5, _fs);
        _window = Math.Max(1, (int)Math.Round(0.150 * _fs));
        var keep = (int)Math.Ceiling(8 * _fs); // search-back reaches at most 1.66 x a 2.5 s RR back
        _raw = new RingBuffer(keep);
        _band = new RingBuffer(8);
        _slope = new RingBuffer(keep);
        _magnitude = new RingBuffer(_window + 1);
        _rrMean = _fs; // 60 beats/min until beats are seen
    }

    /// <summary>Samples per second the detector was made for, in Hz.</summary>
    public double SamplingFrequency => _fs;

    /// <summary>Samples consumed so far.</summary>
    public long SampleCount => _n;

    /// <summary>Feeds samples (any unit) and returns the R peaks confirmed so far, as absolute sample indices in order.
    /// A peak is reported about 0.2-2 s after it occurred.</summary>
    public IReadOnlyList<long> Push(ReadOnlySpan<float> samples)
    {
        _output.Clear();
        foreach (var x in samples)
        {
            if (!float.IsFinite(x)) throw new ArgumentException($"sample {_n} is not a finite number", nameof(samples));
            Step(x);
        }
        return _output.ToArray();
    }

    /// <summary>Ends the stream: settles the last candidate and the search-back, and returns the peaks still owed.</summary>
    public IReadOnlyList<long> Finish()
    {
        _output.Clear();
        if (!_initialised) Initialise();
        if (_candidateActive) Candidate(_candidateIndex, _candidateValue);
        _candidateActive = false;
        SearchBack(_n);
        return _output.ToArray();
    }

    /// <summary>All R peaks of a whole signal.</summary>
    public static long[] Detect(ReadOnlySpan<float> signal, double samplingFrequency)
    {
        var detector = new QrsDetector(samplingFrequency);
        var peaks = new List<long>(detector.Push(signal));
        peaks.AddRange(detector.Finish());
        return [.. peaks];
    }

    private void Step(float x)
    {
        _raw.Add(x);
        _band.Add(_highPass.Next(_lowPass.Next(x)));
        var derivative = _band.Count < 5 ? 0
            : (2 * _band[_n] + _band[_n - 1] - _band[_n - 3] - 2 * _band[_n - 4]) / 8;
        _slope.Add(Math.Abs(derivative));
        var magnitude = Math.Abs(derivative);
        _sum += magnitude - (_n >= _window ? _magnitude[_n - _window] : 0);
        _magnitude.Add(magnitude);
        var integrated = Math.Max(0, _sum) / _window;

        if (!_initialised)
        {
            _learnMax = Math.Max(_learnMax, integrated);
            _learnSum += integrated;
        }

        // Peaks of the integrated signal: a rise starts a candidate; it is settled once 200 ms pass without a higher value.
        if (!_candidateActive && integrated > _previous && _n > 0)
        {
            (_candidateActive, _candidateIndex, _candidateValue) = (true, _n, integrated);
        }
        else if (_candidateActive && integrated > _candidateValue)
        {
            (_candidateIndex, _candidateValue) = (_n, integrated);
        }
        _previous = integrated;
        _n++;

        if (_candidateActive && _n - 1 - _candidateIndex >= 0.2 * _fs)
        {
            _candidateActive = false;
            Candidate(_candidateIndex, _candidateValue);
        }
        if (!_initialised && _n >= 2 * _fs) Initialise();
    }

    private void Initialise()
    {
        _initialised = true;
        _signalLevel = 0.25 * _learnMax;
        _noiseLevel = 0.5 * _learnSum / Math.Max(1, _n);
        var pending = _pending.ToArray();
        _pending.Clear();
        foreach (var (index, value, _) in pending) Candidate(index, value);
    }

    // Hamilton and Tompkins' fraction for a magnitude (linear) integrator; on MIT-BIH DS1 it balanced misses and extras.
    private double Threshold => _noiseLevel + 0.3125 * (_signalLevel - _noiseLevel);

    private void Candidate(long index, double value)
    {
        var slope = _slope.Max(index - _window, index);
        if (!_initialised)
        {
            _pending.Add((index, value, slope));
            return;
        }
        SearchBack(index);
        var sinceLast = _lastQrs < 0 ? long.MaxValue : index - _lastQrs;
        var isQrs = value > Threshold
            && sinceLast > 0.25 * _fs // no rate above 240/min outside flutter, which EC57 leaves out; 200 ms let P waves in
            && !(sinceLast < 0.36 * _fs && slope < 0.6 * _lastSlope); // a T wave: too slow to be the next QRS
        if (isQrs)
        {
            _signalLevel = 0.125 * value + 0.875 * _signalLevel;
            Accept(index, slope);
        }
        else
        {
            _noiseLevel = 0.125 * value + 0.875 * _noiseLevel;
            if (_noise.Count < 256) _noise.Add((index, value, slope));
        }
    }

    /// <summary>When no beat came for 1.66 mean RR intervals, the largest skipped peak above half the threshold
    /// (and clear of the last beat's T wave) is taken as the missed beat. When there is none for 3 mean RR intervals,
    /// the signal level halves at each new peak (while well above the noise level), so that beats that shrank, as when
    /// an electrode loosens, are found again within seconds instead of after the level crept down beat by beat.</summary>
    private void SearchBack(long now)
    {
        while (_lastQrs >= 0 && now - _lastQrs > 1.66 * _rrMean && _noise.Count > 0)
        {
            var best = -1;
            for (var i = 0; i < _noise.Count; i++)
            {
                var (index, value, _) = _noise[i];
                if (index - _lastQrs < 0.36 * _fs || value <= 0.5 * Threshold) continue;
                if (best < 0 || value > _noise[best].Value) best = i;
            }
            if (best < 0)
            {
                if (now - _lastQrs > 3 * _rrMean && _signalLevel > 3 * _noiseLevel) _signalLevel *= 0.5;
                return;
            }
            var found = _noise[best];
            _signalLevel = 0.25 * found.Value + 0.75 * _signalLevel;
            _noise.RemoveRange(0, best + 1);
            var rest = _noise.ToArray();
            Accept(found.Index, found.Slope);
            _noise.AddRange(rest);
        }
    }

    private void Accept(long index, double slope)
    {
        if (_lastQrs >= 0)
        {
            var rr = index - _lastQrs;
            if (rr > 0.25 * _fs && rr < 3 * _fs)
            {
                _rr.Enqueue(rr);
                if (_rr.Count > RrHistory) _rr.Dequeue();
                _rrMean = _rr.Average();
            }
        }
        _lastQrs = index;
        _lastSlope = slope;
        _noise.Clear();
        _output.Add(LocateR(index));
    }

    /// <summary>The integrated signal peaks at the end of the QRS plus the filters' delay, so the QRS is the steepest
    /// slope in the 150 ms window (plus 50 ms) before that; the R wave is the largest deflection of the raw signal from
    /// its mean in the 120 ms before that slope (which lags the raw signal by the band-pass's delay). Anchoring on the
    /// slope rather than searching the whole window keeps a tall P or T wave, or baseline wander, from taking the
    /// place of a small R; the short mean follows the wander.</summary>
    private long LocateR(long integratedPeak)
    {
        var steepest = _slope.ArgMax(integratedPeak - _window - (long)(0.05 * _fs), integratedPeak);
        var from = steepest - (long)(0.12 * _fs);
        var margin = (long)(0.05 * _fs);
        var mean = _raw.Mean(from - margin, steepest + margin);
        return _raw.ArgMax(from, steepest, absolute: true, offset: mean);
    }
}
