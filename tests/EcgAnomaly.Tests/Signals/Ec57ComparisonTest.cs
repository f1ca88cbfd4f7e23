using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// Small annotation lists whose expected counts are worked out by hand from bxb's rules (app/bxb.c of the WFDB
/// Software Package): pairing within the match window, VFON ([) to VFOFF (]) left out of the comparison, unmatched
/// detections counted as O, and the sums and averages of ANSI/AAMI EC57 (sumstats' Gross and Average lines).
/// </summary>
public sealed class Ec57ComparisonTest
{
    private const int Normal = 1, Pvc = 5, FlutterWave = 31, VfOn = 32, VfOff = 33, Rhythm = 28;

    // 100 Hz, a 15-sample window and the whole of 1000 samples, so that the hand working stays short.
    private static readonly Ec57Options Options = new(100) { MatchWindow = 15, StartSample = 0, EndSample = 1000 };

    // Detections: near the reference beats at 100, 200, 300; two on the flutter (410, 450); then 602, a V at 698 and an
    // extra beat at 800.
    private static readonly WfdbAnnotation[] Test =
        [Beat(102), Beat(203), Beat(300), Beat(410), Beat(450), Beat(602), Beat(698, Pvc), Beat(800)];

    [Fact]
    public void Should_leave_out_beats_and_detections_inside_flutter_When_the_reference_marks_it_with_vfon_and_vfoff()
    {
        // Given: N at 100, 200, 300; VFON at 350; an N at 400 and flutter waves inside; VFOFF at 500; N at 600, V at 700
        WfdbAnnotation[] reference =
        [
            Beat(100), Beat(200), Beat(300), Mark(350, VfOn), Beat(400), Mark(420, FlutterWave), Mark(450, FlutterWave),
            Mark(500, VfOff), Beat(600), Beat(700, Pvc),
        ];

        // When
        var counts = Ec57Comparison.Compare(reference, Test, Options);

        // Then: bxb skips everything from VFON to VFOFF in the reference (the N at 400 too), and its rpann gives the
        // unmatched detections at 410 and 450, inside that episode, the label '*', which pair() does not count. Pairs:
        // 100/102, 200/203, 300/300, 600/602 (Nn 4), 700/698 (Vv 1); 800 matches nothing outside VF (On 1).
        Assert.Equal(
            Matrix((Ec57Label.N, Ec57Label.N, 4), (Ec57Label.V, Ec57Label.V, 1), (Ec57Label.O, Ec57Label.N, 1)), counts.ToMatrix());
        Assert.Equal((5L, 0L, 1L), (counts.QrsTruePositives, counts.QrsFalseNegatives, counts.QrsFalsePositives));
        // RR intervals: bxb compares them when both are valid; those spanning the VF onset are not. The pairs at 200/203
        // (100 vs 101), 300/300 (100 vs 97) and 700/698 (100 vs 96) give errors 1, 3, 4 samples, 10 ms each: 2600 ms².
        Assert.Equal(3, counts.RrIntervalCount);
        Assert.Equal(2600, counts.RrErrorSquaresMs, 9);
    }

    [Fact]
    public void Should_count_every_beat_When_the_reference_has_no_vfon_and_vfoff_around_the_same_beats()
    {
        // Given: the same beats without the VF markers
        WfdbAnnotation[] reference = [Beat(100), Beat(200), Beat(300), Beat(400), Beat(600), Beat(700, Pvc)];

        // When
        var counts = Ec57Comparison.Compare(reference, Test, Options);

        // Then: 410 now pairs with 400 (10 samples apart), and 450 is an extra detection (O)
        Assert.Equal(
            Matrix((Ec57Label.N, Ec57Label.N, 5), (Ec57Label.V, Ec57Label.V, 1), (Ec57Label.O, Ec57Label.N, 2)), counts.ToMatrix());
    }

    [Fact]
    public void Should_not_exclude_anything_When_flutter_is_marked_only_by_a_rhythm_note()
    {
        // Given: "(VFL" and "(N" rhythm changes where the markers were: bxb reads VF from VFON and VFOFF only
        WfdbAnnotation[] reference =
        [
            Beat(100), Beat(200), Beat(300), Mark(350, Rhythm, "(VFL"), Beat(400), Mark(500, Rhythm, "(N"), Beat(600),
            Beat(700, Pvc),
        ];

        // When
        var counts = Ec57Comparison.Compare(reference, Test, Options);

        // Then: as without markers
        Assert.Equal(
            Matrix((Ec57Label.N, Ec57Label.N, 5), (Ec57Label.V, Ec57Label.V, 1), (Ec57Label.O, Ec57Label.N, 2)), counts.ToMatrix());
    }

    [Fact]
    public void Should_skip_the_learning_period_When_the_start_is_bxbs_default_of_five_minutes()
    {
        // Given: at 100 Hz bxb starts at sample 30000; one beat before it (missed) and two after it (one missed)
        WfdbAnnotation[] reference = [Beat(1_000), Beat(30_100), Beat(30_200)];
        WfdbAnnotation[] test = [Beat(30_101)];

        // When
        var counts = Ec57Comparison.Compare(reference, test, new Ec57Options(100) { EndSample = 40_000 });

        // Then
        Assert.Equal(30_000, new Ec57Options(100).StartSample);
        Assert.Equal(Matrix((Ec57Label.N, Ec57Label.N, 1), (Ec57Label.N, Ec57Label.O, 1)), counts.ToMatrix());
    }

    [Fact]
    public void Should_give_gross_and_average_statistics_When_the_counts_of_two_records_are_combined()
    {
        // Given: record A (Nn 10, No 2, Nv 1, Vn 1, Vv 3, On 1) and record B (Nn 20, Ns 1, Sn 1, Ss 2, Xn 1)
        var a = new Ec57Counts(Matrix(
            (Ec57Label.N, Ec57Label.N, 10), (Ec57Label.N, Ec57Label.O, 2), (Ec57Label.N, Ec57Label.V, 1),
            (Ec57Label.V, Ec57Label.N, 1), (Ec57Label.V, Ec57Label.V, 3), (Ec57Label.O, Ec57Label.N, 1)), shutdownSeconds: 3);
        var b = new Ec57Counts(Matrix(
            (Ec57Label.N, Ec57Label.N, 20), (Ec57Label.N, Ec57Label.S, 1), (Ec57Label.S, Ec57Label.N, 1),
            (Ec57Label.S, Ec57Label.S, 2), (Ec57Label.X, Ec57Label.N, 1)), shutdownSeconds: 4);

        // When
        var gross = Ec57Counts.Sum([a, b]);

        // Then, per record by bxb's definitions: A has QRS TP 15 (Nn Nv Vn Vv), FN 2 (No), FP 1 (On); VEB TP 3, FN 1
        // (Vn), FP 1 (Nv), TN 11 (Nn On). B has QRS TP 24, FN 0, FP 1 (Xn); no VEB; VEB TN 25 (Nn Ns Sn Ss Xn);
        // SVEB TP 2, FN 1 (Sn), FP 1 (Ns), TN 21 (Nn Xn).
        Assert.Equal((15d / 17, 15d / 16), (a.QrsSensitivity!.Value, a.QrsPositivePredictivity!.Value));
        Assert.Equal((0.75, 0.75, 1d / 12), (a.VebSensitivity!.Value, a.VebPositivePredictivity!.Value, a.VebFalsePositiveRate!.Value));
        Assert.Equal((1d, 24d / 25), (b.QrsSensitivity!.Value, b.QrsPositivePredictivity!.Value));
        Assert.Equal((null, null, 0d), (b.VebSensitivity, b.VebPositivePredictivity, b.VebFalsePositiveRate));
        Assert.Equal(
            (2d / 3, 2d / 3, 1d / 22), (b.SvebSensitivity!.Value, b.SvebPositivePredictivity!.Value, b.SvebFalsePositiveRate!.Value));
        Assert.Null(a.SvebSensitivity);

        // Gross: the summed matrix, TP 39, FN 2, FP 2; VEB TP 3, FN 1, FP 1, TN 36; shutdown 7 s
        Assert.Equal(30, gross[Ec57Label.N, Ec57Label.N]);
        Assert.Equal((39d / 41, 39d / 41), (gross.QrsSensitivity!.Value, gross.QrsPositivePredictivity!.Value));
        Assert.Equal(
            (0.75, 0.75, 1d / 37),
            (gross.VebSensitivity!.Value, gross.VebPositivePredictivity!.Value, gross.VebFalsePositiveRate!.Value));
        Assert.Equal(7, gross.ShutdownSeconds);
        Assert.Equal(gross.ToMatrix(), (a + b).ToMatrix());

        // Average: the mean over the records where the statistic is defined (VEB Se only in A)
        Assert.Equal((15d / 17 + 1) / 2, Ec57Counts.Average([a, b], c => c.QrsSensitivity)!.Value, 12);
        Assert.Equal(0.75, Ec57Counts.Average([a, b], c => c.VebSensitivity)!.Value, 12);
        Assert.Equal((1d / 12 + 0) / 2, Ec57Counts.Average([a, b], c => c.VebFalsePositiveRate)!.Value, 12);
        Assert.Null(Ec57Counts.Average([b], c => c.VebSensitivity));
    }

    [Fact]
    public void Should_refuse_a_pair_of_no_beat_with_no_beat_When_building_counts()
    {
        var matrix = Matrix((Ec57Label.O, Ec57Label.X, 1));

        var e = Assert.Throws<ArgumentException>(() => new Ec57Counts(matrix));

        Assert.Contains("[O, X] must be 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_round_the_match_window_as_strtim_does_When_150_ms_is_not_a_whole_number_of_samples()
    {
        // WFDB's strtim gives (long)(seconds * frequency + 0.5) (lib/signal.c): 0.15 s is 54 samples at 360 Hz, and
        // at 250 Hz 37.5 rounds up to 38.
        Assert.Equal(54, new Ec57Options(360).MatchWindow);
        Assert.Equal(38, new Ec57Options(250).MatchWindow);
    }

    private static WfdbAnnotation Beat(long sample, int code = Normal) =>
        new(sample, code, AnnotationCodes.Symbol(code), 0, 0, 0, null);

    private static WfdbAnnotation Mark(long sample, int code, string? aux = null) =>
        new(sample, code, AnnotationCodes.Symbol(code), 0, 0, 0, aux);

    private static long[,] Matrix(params (Ec57Label Reference, Ec57Label Algorithm, long Count)[] cells)
    {
        var matrix = new long[7, 7];
        foreach (var (r, c, n) in cells) matrix[(int)r, (int)c] = n;
        return matrix;
    }
}
