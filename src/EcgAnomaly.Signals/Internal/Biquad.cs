namespace EcgAnomaly.Signals.Internal;

/// <summary>A second-order IIR section (direct form I), designed by the bilinear transform with the RBJ formulas so
/// that the detector's band-pass has the same corner frequencies at any sampling rate.</summary>
internal sealed class Biquad
{
    private readonly double _b0, _b1, _b2, _a1, _a2;
    private double _x1, _x2, _y1, _y2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        (_b0, _b1, _b2, _a1, _a2) = (b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    public static Biquad LowPass(double cutoff, double fs) => Design(cutoff, fs, lowPass: true);

    public static Biquad HighPass(double cutoff, double fs) => Design(cutoff, fs, lowPass: false);

    private static Biquad Design(double cutoff, double fs, bool lowPass)
    {
        var w = 2 * Math.PI * Math.Min(cutoff, 0.45 * fs) / fs;
        var alpha = Math.Sin(w) / (2 * Math.Sqrt(0.5)); // Q = 1/sqrt(2): Butterworth
        var cos = Math.Cos(w);
        return lowPass
            ? new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha)
            : new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public double Next(double x)
    {
        var y = _b0 * x + _b1 * _x1 + _b2 * _x2 - _a1 * _y1 - _a2 * _y2;
        (_x2, _x1, _y2, _y1) = (_x1, x, _y1, y);
        return y;
    }
}
