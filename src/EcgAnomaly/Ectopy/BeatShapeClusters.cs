using EcgAnomaly.Signals;

namespace EcgAnomaly.Ectopy;

/// <summary>
/// A patient's beats grouped by shape, without labels: leader clustering on Pearson correlation (a beat joins the
/// first group whose mean shape it matches at <see cref="MinimumCorrelation"/> or more, else starts a group), then
/// one pass that moves every beat to the group it matches best. Clusters are numbered by size, largest first: cluster
/// 0 is the patient's dominant beat shape, which a detector can take as their normal beat when nobody labelled one.
/// </summary>
public sealed class BeatShapeClusters
{
    /// <summary>
    /// The stretch of signal whose shape is compared: the QRS complex, 0.1 s before the R peak to 0.15 s after. A whole
    /// RR interval would split one QRS shape by the rhythm around it (a normal beat before a pause against one before
    /// an ectopic beat). Chosen on the MIT-BIH DS1 records against 0.1-0.25, 0.15-0.35, 0.25-0.45 s and the RR window:
    /// the share of AAMI N among the dominant cluster's beats (mean 0.988) and of the N beats it holds (0.896) with
    /// <see cref="DefaultMinimumCorrelation"/>.
    /// </summary>
    public static BeatWindow Window { get; } = BeatWindow.Fixed(0.1, 0.15);

    /// <summary>The first-pass correlation threshold, chosen with <see cref="Window"/> against 0.95.</summary>
    public const double DefaultMinimumCorrelation = 0.9;

    private readonly int[] _assignment;
    private readonly int[] _sizes;
    private readonly float[][] _means;

    private BeatShapeClusters(int[] assignment, int[] sizes, float[][] means, double minimumCorrelation)
    {
        _assignment = assignment;
        _sizes = sizes;
        _means = means;
        MinimumCorrelation = minimumCorrelation;
    }

    /// <summary>Correlation a beat needs with a group's mean shape to join it in the first pass.</summary>
    public double MinimumCorrelation { get; }

    /// <summary>The cluster of each beat, in the order given (0 the largest).</summary>
    public IReadOnlyList<int> Assignment => _assignment;

    /// <summary>Beats per cluster, largest first.</summary>
    public IReadOnlyList<int> Sizes => _sizes;

    /// <summary>The share of all beats in <paramref name="cluster"/> (0-1).</summary>
    public double Share(int cluster) => _assignment.Length == 0 ? 0 : _sizes[cluster] / (double)_assignment.Length;

    /// <summary>The mean shape of <paramref name="cluster"/>, standardised (mean 0, norm 1): a template for <see cref="Correlation"/>.</summary>
    public float[] MeanShape(int cluster) => [.. _means[cluster]];

    /// <summary>Pearson correlation of <paramref name="beat"/> with a standardised <paramref name="template"/>.</summary>
    /// <exception cref="ArgumentException">They differ in length.</exception>
    public static double Correlation(float[] beat, float[] template)
    {
        ArgumentNullException.ThrowIfNull(beat);
        ArgumentNullException.ThrowIfNull(template);
        if (beat.Length != template.Length) throw new ArgumentException("the beat and the template differ in length", nameof(beat));
        var unit = Standardised(beat);
        var dot = 0.0;
        for (var k = 0; k < unit.Length; k++) dot += unit[k] * template[k];
        return dot;
    }

    /// <summary>Indices of the beats of <paramref name="cluster"/>, in the order given.</summary>
    public int[] Members(int cluster) => [.. Enumerable.Range(0, _assignment.Length).Where(i => _assignment[i] == cluster)];

    /// <summary>Clusters <paramref name="beats"/> (all of one length).</summary>
    /// <exception cref="ArgumentException">Beats of different lengths.</exception>
    public static BeatShapeClusters Of(IReadOnlyList<float[]> beats, double minimumCorrelation = DefaultMinimumCorrelation)
    {
        ArgumentNullException.ThrowIfNull(beats);
        Preconditions.CheckArgumentRange(nameof(minimumCorrelation), minimumCorrelation, -1, 1);
        if (beats.Count == 0) return new BeatShapeClusters([], [], [], minimumCorrelation);
        var length = beats[0].Length;
        if (beats.Any(b => b.Length != length)) throw new ArgumentException("beats of different lengths", nameof(beats));

        var unit = beats.Select(Standardised).ToArray();
        var sums = new List<Centre>();
        for (var i = 0; i < unit.Length; i++)
        {
            var (best, correlation) = BestMatch(unit[i], sums);
            if (best < 0 || correlation < minimumCorrelation)
            {
                sums.Add(new Centre(new double[length]));
                best = sums.Count - 1;
            }
            sums[best].Add(unit[i]);
        }

        // The first pass depends on the order of the beats; a second against the finished means does not.
        var means = sums.Select(s => Standardised(s.Sum.Select(v => (float)v).ToArray()))
            .Select(m => new Centre(m.Select(v => (double)v).ToArray()))
            .ToList();
        var second = unit.Select(u => BestMatch(u, means).Cluster).ToArray();
        var bySize = Enumerable.Range(0, means.Count)
            .Select(c => (Cluster: c, Size: second.Count(a => a == c)))
            .Where(c => c.Size > 0)
            .OrderByDescending(c => c.Size).ThenBy(c => c.Cluster)
            .ToArray();
        var rank = new int[means.Count];
        for (var r = 0; r < bySize.Length; r++) rank[bySize[r].Cluster] = r;
        var finalMeans = bySize.Select(c => MeanOf(unit, second, c.Cluster)).ToArray();
        return new BeatShapeClusters(
            [.. second.Select(c => rank[c])], [.. bySize.Select(c => c.Size)], finalMeans, minimumCorrelation);
    }

    /// <summary>The standardised mean of the standardised beats assigned to <paramref name="cluster"/>.</summary>
    private static float[] MeanOf(float[][] unit, int[] assignment, int cluster)
    {
        var sum = new float[unit[0].Length];
        for (var i = 0; i < unit.Length; i++)
        {
            if (assignment[i] != cluster) continue;
            for (var k = 0; k < sum.Length; k++) sum[k] += unit[i][k];
        }
        return Standardised(sum);
    }

    /// <summary>The beat minus its mean, divided by its norm: dot products of two such beats are their correlation.</summary>
    private static float[] Standardised(float[] beat)
    {
        var mean = beat.Average(v => (double)v);
        var norm = Math.Sqrt(beat.Sum(v => (v - mean) * (v - mean)));
        // A flat beat correlates with nothing: it gets a cluster of its own.
        return norm == 0 ? new float[beat.Length] : [.. beat.Select(v => (float)((v - mean) / norm))];
    }

    private static (int Cluster, double Correlation) BestMatch(float[] unit, List<Centre> centres)
    {
        var best = -1;
        var bestCorrelation = double.NegativeInfinity;
        for (var c = 0; c < centres.Count; c++)
        {
            var centre = centres[c];
            var dot = 0.0;
            for (var k = 0; k < unit.Length; k++) dot += centre.Centred[k] * unit[k];
            var correlation = centre.Norm == 0 ? 0 : dot / Math.Sqrt(centre.Norm);
            if (correlation > bestCorrelation)
            {
                bestCorrelation = correlation;
                best = c;
            }
        }
        return (best, bestCorrelation);
    }

    /// <summary>
    /// A group's running sum with its centred values and their squared norm, kept up to date as beats join: each
    /// comparison is then one dot product, not three passes over the sum for every group and every beat.
    /// </summary>
    private sealed class Centre
    {
        public Centre(double[] sum)
        {
            Sum = sum;
            Centred = new double[sum.Length];
            Refresh();
        }

        public double[] Sum { get; }

        public double[] Centred { get; }

        public double Norm { get; private set; }

        public void Add(float[] unit)
        {
            for (var k = 0; k < Sum.Length; k++) Sum[k] += unit[k];
            Refresh();
        }

        private void Refresh()
        {
            var mean = 0.0;
            for (var k = 0; k < Sum.Length; k++) mean += Sum[k];
            mean /= Sum.Length;
            var norm = 0.0;
            for (var k = 0; k < Sum.Length; k++)
            {
                Centred[k] = Sum[k] - mean;
                norm += Centred[k] * Centred[k];
            }
            Norm = norm;
        }
    }
}
