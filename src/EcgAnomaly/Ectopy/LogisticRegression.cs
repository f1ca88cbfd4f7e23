namespace EcgAnomaly.Ectopy;

/// <summary>
/// Weighted logistic regression fitted by Newton's method (iteratively reweighted least squares) with a small ridge
/// penalty: a handful of features and tens of thousands of beats converge in a few exact steps, deterministically.
/// </summary>
public static class LogisticRegression
{
    /// <summary>The probability that <paramref name="features"/> (with a leading 1 for the intercept) is positive.</summary>
    public static double Probability(IReadOnlyList<double> weights, IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(features);
        var z = 0.0;
        for (var i = 0; i < weights.Count; i++) z += weights[i] * features[i];
        return 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));
    }

    /// <summary>
    /// Weights for <paramref name="features"/> (rows of equal length, first column 1) and <paramref name="positive"/>
    /// labels, each class weighted to half of the total so that a rare class is not ignored.
    /// </summary>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, or labels of another count.</exception>
    public static double[] Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> positive, int iterations = 15, double ridge = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(positive);
        if (features.Count == 0 || features.Count != positive.Count) throw new ArgumentException("one label per row, and some rows");
        var k = features[0].Length;
        if (features.Any(f => f.Length != k)) throw new ArgumentException("rows of different lengths", nameof(features));
        var positives = positive.Count(p => p);
        var positiveWeight = features.Count / (2.0 * Math.Max(1, positives));
        var negativeWeight = features.Count / (2.0 * Math.Max(1, features.Count - positives));
        var w = new double[k];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[k];
            var hessian = new double[k, k];
            for (var n = 0; n < features.Count; n++)
            {
                var x = features[n];
                var p = Probability(w, x);
                var weight = positive[n] ? positiveWeight : negativeWeight;
                var residual = weight * (p - (positive[n] ? 1 : 0));
                var curvature = weight * p * (1 - p);
                for (var i = 0; i < k; i++)
                {
                    gradient[i] += residual * x[i];
                    for (var j = 0; j < k; j++) hessian[i, j] += curvature * x[i] * x[j];
                }
            }
            for (var i = 0; i < k; i++)
            {
                gradient[i] += ridge * w[i];
                hessian[i, i] += ridge;
            }
            var step = Solve(hessian, gradient);
            for (var i = 0; i < k; i++) w[i] -= step[i];
        }
        return w;
    }

    /// <summary>Gaussian elimination with partial pivoting; the ridge keeps the matrix positive definite.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = new double[n, n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) m[i, j] = a[i, j];
            m[i, n] = b[i];
        }
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c])) pivot = r;
            for (var j = 0; j <= n; j++) (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
            for (var r = 0; r < n; r++)
            {
                if (r == c) continue;
                var factor = m[r, c] / m[c, c];
                for (var j = c; j <= n; j++) m[r, j] -= factor * m[c, j];
            }
        }
        var x = new double[n];
        for (var i = 0; i < n; i++) x[i] = m[i, n] / m[i, i];
        return x;
    }
}
