namespace EcgAnomaly.Signals;

/// <summary>
/// The beat-by-beat comparison matrix of WFDB's bxb (ANSI/AAMI EC57) and the statistics it derives: rows are the
/// reference labels N S V F Q O X, columns the algorithm's labels n s v f q o x (the O and X rows have no o and x
/// column). Counts of several records add up with <see cref="Add"/> or <see cref="Sum"/>, whose statistics are then
/// EC57's gross statistics; <see cref="Average"/> gives its average statistics (the mean of the records' own values).
/// </summary>
public sealed class Ec57Counts
{
    private const int Size = 7;
    private static readonly Ec57Label[] Beats = [Ec57Label.N, Ec57Label.S, Ec57Label.V, Ec57Label.F, Ec57Label.Q];
    private static readonly Ec57Label[] NoBeat = [Ec57Label.O, Ec57Label.X];
    private readonly long[] cells;

    /// <summary>Counts from a 7 × 7 matrix indexed [reference, algorithm] by <see cref="Ec57Label"/>.</summary>
    /// <param name="matrix">The pairs counted; the O and X rows' o and x cells must be 0.</param>
    /// <param name="shutdownSeconds">The algorithm's shutdown time as bxb reports it (whole seconds).</param>
    /// <param name="rrErrorSquaresMs">Sum of squared differences of reference and algorithm RR intervals, in ms².</param>
    /// <param name="rrIntervalCount">Number of RR interval pairs in that sum.</param>
    /// <exception cref="ArgumentException">The matrix is not 7 × 7, a count is negative, or an impossible cell is not 0.</exception>
    public Ec57Counts(long[,] matrix, long shutdownSeconds = 0, double rrErrorSquaresMs = 0, long rrIntervalCount = 0)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.GetLength(0) != Size || matrix.GetLength(1) != Size)
            throw new ArgumentException(
                $"the matrix must be {Size} x {Size} (N S V F Q O X), not {matrix.GetLength(0)} x {matrix.GetLength(1)}", nameof(matrix));
        cells = new long[Size * Size];
        for (var r = 0; r < Size; r++)
        {
            for (var c = 0; c < Size; c++)
            {
                var value = matrix[r, c];
                if (value < 0)
                    throw new ArgumentException($"count [{(Ec57Label)r}, {(Ec57Label)c}] is negative ({value})", nameof(matrix));
                if (value != 0 && r >= (int)Ec57Label.O && c >= (int)Ec57Label.O)
                    throw new ArgumentException(
                        $"count [{(Ec57Label)r}, {(Ec57Label)c}] must be 0: no beat is paired with no beat", nameof(matrix));
                cells[(r * Size) + c] = value;
            }
        }
        if (shutdownSeconds < 0) throw new ArgumentException("the shutdown time may not be negative", nameof(shutdownSeconds));
        if (!(rrErrorSquaresMs >= 0))
            throw new ArgumentException("the sum of squared RR errors may not be negative", nameof(rrErrorSquaresMs));
        if (rrIntervalCount < 0) throw new ArgumentException("the RR interval count may not be negative", nameof(rrIntervalCount));
        ShutdownSeconds = shutdownSeconds;
        RrErrorSquaresMs = rrErrorSquaresMs;
        RrIntervalCount = rrIntervalCount;
    }

    /// <summary>No pairs at all: the start of a sum.</summary>
    public static Ec57Counts Zero { get; } = new(new long[Size, Size]);

    /// <summary>How many reference beats labelled <paramref name="reference"/> were paired with <paramref name="algorithm"/>.</summary>
    public long this[Ec57Label reference, Ec57Label algorithm] => cells[((int)reference * Size) + (int)algorithm];

    /// <summary>The algorithm's shutdown time in whole seconds (bxb rounds each record's to the nearest second).</summary>
    public long ShutdownSeconds { get; }

    /// <summary>Sum of squared reference-minus-algorithm RR interval differences (ms²) over <see cref="RrIntervalCount"/>.</summary>
    public double RrErrorSquaresMs { get; }

    /// <summary>Number of matched RR intervals in <see cref="RrErrorSquaresMs"/> (bxb skips those spanning VF or shutdown).</summary>
    public long RrIntervalCount { get; }

    /// <summary>Root mean square RR interval error in ms, or null when no RR interval was compared.</summary>
    public double? RmsRrErrorMs => RrIntervalCount == 0 ? null : Math.Sqrt(RrErrorSquaresMs / RrIntervalCount);

    /// <summary>Reference beats the algorithm detected, whatever it called them.</summary>
    public long QrsTruePositives => Total(Beats, Beats);

    /// <summary>Reference beats the algorithm missed (columns o and x).</summary>
    public long QrsFalseNegatives => Total(Beats, NoBeat);

    /// <summary>Detections that match no reference beat (rows O and X).</summary>
    public long QrsFalsePositives => Total(NoBeat, Beats);

    /// <summary>Reference VEBs the algorithm called VEBs (Vv).</summary>
    public long VebTruePositives => this[Ec57Label.V, Ec57Label.V];

    /// <summary>Reference VEBs called anything else or missed.</summary>
    public long VebFalseNegatives => RowTotal(Ec57Label.V) - VebTruePositives;

    /// <summary>Algorithm VEBs that are N, S, O or X in the reference (bxb does not count Fv or Qv as false).</summary>
    public long VebFalsePositives => Total([Ec57Label.N, Ec57Label.S, Ec57Label.O, Ec57Label.X], [Ec57Label.V]);

    /// <summary>Non-VEB beats and extra detections the algorithm did not call VEBs (rows N S F Q O X, columns n s f q).</summary>
    public long VebTrueNegatives => Total(
        [Ec57Label.N, Ec57Label.S, Ec57Label.F, Ec57Label.Q, Ec57Label.O, Ec57Label.X],
        [Ec57Label.N, Ec57Label.S, Ec57Label.F, Ec57Label.Q]);

    /// <summary>Reference SVEBs the algorithm called SVEBs (Ss).</summary>
    public long SvebTruePositives => this[Ec57Label.S, Ec57Label.S];

    /// <summary>Reference SVEBs called anything else or missed.</summary>
    public long SvebFalseNegatives => RowTotal(Ec57Label.S) - SvebTruePositives;

    /// <summary>Algorithm SVEBs that are N, V, F, O or X in the reference (bxb does not count Qs as false).</summary>
    public long SvebFalsePositives => Total([Ec57Label.N, Ec57Label.V, Ec57Label.F, Ec57Label.O, Ec57Label.X], [Ec57Label.S]);

    /// <summary>Non-SVEB beats and extra detections the algorithm did not call SVEBs (rows N V F Q O X, columns n v f q).</summary>
    public long SvebTrueNegatives => Total(
        [Ec57Label.N, Ec57Label.V, Ec57Label.F, Ec57Label.Q, Ec57Label.O, Ec57Label.X],
        [Ec57Label.N, Ec57Label.V, Ec57Label.F, Ec57Label.Q]);

    /// <summary>QRS sensitivity, TP / (TP + FN), from 0 to 1; null when there is no reference beat.</summary>
    public double? QrsSensitivity => Ratio(QrsTruePositives, QrsTruePositives + QrsFalseNegatives);

    /// <summary>QRS positive predictivity, TP / (TP + FP); null when there is no detection.</summary>
    public double? QrsPositivePredictivity => Ratio(QrsTruePositives, QrsTruePositives + QrsFalsePositives);

    /// <summary>VEB sensitivity; null when the reference has no VEB.</summary>
    public double? VebSensitivity => Ratio(VebTruePositives, VebTruePositives + VebFalseNegatives);

    /// <summary>VEB positive predictivity; null when the algorithm called no beat a VEB.</summary>
    public double? VebPositivePredictivity => Ratio(VebTruePositives, VebTruePositives + VebFalsePositives);

    /// <summary>VEB false positive rate, FP / (TN + FP), as bxb defines it.</summary>
    public double? VebFalsePositiveRate => Ratio(VebFalsePositives, VebTrueNegatives + VebFalsePositives);

    /// <summary>SVEB sensitivity; null when the reference has no SVEB.</summary>
    public double? SvebSensitivity => Ratio(SvebTruePositives, SvebTruePositives + SvebFalseNegatives);

    /// <summary>SVEB positive predictivity; null when the algorithm called no beat an SVEB.</summary>
    public double? SvebPositivePredictivity => Ratio(SvebTruePositives, SvebTruePositives + SvebFalsePositives);

    /// <summary>SVEB false positive rate, FP / (TN + FP), defined as bxb defines the VEB one (bxb prints none for SVEBs).</summary>
    public double? SvebFalsePositiveRate => Ratio(SvebFalsePositives, SvebTrueNegatives + SvebFalsePositives);

    /// <summary>The counts of two records together: the basis of EC57's gross statistics.</summary>
    public static Ec57Counts operator +(Ec57Counts left, Ec57Counts right) => Add(left, right);

    /// <summary>The counts of two records together: the basis of EC57's gross statistics.</summary>
    public static Ec57Counts Add(Ec57Counts left, Ec57Counts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var matrix = new long[Size, Size];
        for (var r = 0; r < Size; r++)
            for (var c = 0; c < Size; c++) matrix[r, c] = left.cells[(r * Size) + c] + right.cells[(r * Size) + c];
        return new Ec57Counts(matrix, left.ShutdownSeconds + right.ShutdownSeconds, left.RrErrorSquaresMs + right.RrErrorSquaresMs,
            left.RrIntervalCount + right.RrIntervalCount);
    }

    /// <summary>The counts of all <paramref name="records"/> together; their statistics are EC57's gross statistics.</summary>
    public static Ec57Counts Sum(IEnumerable<Ec57Counts> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Aggregate(Zero, Add);
    }

    /// <summary>
    /// EC57's average statistic (sumstats' "Average" line): the mean of <paramref name="statistic"/> over the records
    /// where it is defined, or null when it is defined for none; for example <c>Average(records, c => c.QrsSensitivity)</c>.
    /// </summary>
    public static double? Average(IEnumerable<Ec57Counts> records, Func<Ec57Counts, double?> statistic)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(statistic);
        var values = records.Select(statistic).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }

    /// <summary>The whole matrix, indexed [reference, algorithm] by <see cref="Ec57Label"/>.</summary>
    public long[,] ToMatrix()
    {
        var matrix = new long[Size, Size];
        for (var r = 0; r < Size; r++)
            for (var c = 0; c < Size; c++) matrix[r, c] = cells[(r * Size) + c];
        return matrix;
    }

    /// <summary>Sum over the rows <paramref name="references"/> and the columns <paramref name="algorithms"/>.</summary>
    public long Total(IEnumerable<Ec57Label> references, IEnumerable<Ec57Label> algorithms)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(algorithms);
        var columns = algorithms.ToList();
        return references.Sum(r => columns.Sum(c => this[r, c]));
    }

    private long RowTotal(Ec57Label reference) => Total([reference], Enum.GetValues<Ec57Label>());

    private static double? Ratio(long numerator, long denominator) => denominator <= 0 ? null : (double)numerator / denominator;
}
