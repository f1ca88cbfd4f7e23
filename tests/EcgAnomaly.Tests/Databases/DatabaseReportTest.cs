using EcgAnomaly.Databases;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Databases;

/// <summary>The report's arithmetic on counts made by hand: gross statistics pool the counts, averages are per record.</summary>
public sealed class DatabaseReportTest
{
    private static readonly Ec57Protocol Protocol = new() { Database = "hand", Algorithm = "by hand" };

    [Fact]
    public void Should_pool_the_counts_for_gross_and_average_the_records_When_reporting_hand_made_counts()
    {
        // Given: record a has 90 N found, 10 missed, 5 false; b has 48 N and 2 V found, V called v, 0 missed, 0 false, 1 N
        // called v; and c failed.
        var a = Counts((Ec57Label.N, Ec57Label.N, 90), (Ec57Label.N, Ec57Label.O, 10), (Ec57Label.O, Ec57Label.N, 5));
        var b = Counts((Ec57Label.N, Ec57Label.N, 47), (Ec57Label.N, Ec57Label.V, 1), (Ec57Label.V, Ec57Label.V, 2));
        RecordEvaluation[] results =
        [
            RecordEvaluation.Failed("c", "c.dat: file is shorter than its header says"),
            new() { Record = "b", Counts = b },
            new() { Record = "a", Counts = a },
        ];

        // When
        var report = DatabaseReport.From(Protocol, ["a", "b", "c"], null, results);

        // Then: records sorted, the failed one kept with its error and counted in no total
        Assert.Equal(["a", "b", "c"], report.Records.Select(r => r.Record));
        var failed = Assert.Single(report.Failed);
        Assert.Equal("c.dat: file is shorter than its header says", failed.Error);
        // Sum: TP = 90 + 50 = 140, FN = 10, FP = 5
        Assert.Equal(140, report.Sum.QrsTruePositives);
        Assert.Equal(10, report.Sum.QrsFalseNegatives);
        Assert.Equal(5, report.Sum.QrsFalsePositives);
        // Gross: Se = 140 / 150, +P = 140 / 145
        Assert.Equal(140.0 / 150, report.Gross.QrsSensitivity!.Value, 12);
        Assert.Equal(140.0 / 145, report.Gross.QrsPositivePredictivity!.Value, 12);
        // Average: Se = (0.9 + 1) / 2, +P = (90/95 + 1) / 2
        Assert.Equal((0.9 + 1) / 2, report.Average.QrsSensitivity!.Value, 12);
        Assert.Equal(((90.0 / 95) + 1) / 2, report.Average.QrsPositivePredictivity!.Value, 12);
        // VEB: only b has V beats, so gross and average sensitivity are both 2/2; +P is 2 / (2 + 1 N called v)
        Assert.Equal(1.0, report.Gross.VebSensitivity!.Value, 12);
        Assert.Equal(1.0, report.Average.VebSensitivity!.Value, 12);
        Assert.Equal(2.0 / 3, report.Gross.VebPositivePredictivity!.Value, 12);
        // VEB FPR: FP / (TN + FP); TN = N and O rows in columns n s f q = 90 + 5 + 47 = 142, FP = 1 (a has O called n: TN)
        Assert.Equal(1.0 / 143, report.Gross.VebFalsePositiveRate!.Value, 12);
        Assert.Equal(((0.0 / 95) + (1.0 / 48)) / 2, report.Average.VebFalsePositiveRate!.Value, 12);
    }

    [Fact]
    public void Should_show_the_sum_gross_and_average_lines_and_the_failed_record_When_writing_report_md()
    {
        // Given
        var a = Counts((Ec57Label.N, Ec57Label.N, 90), (Ec57Label.N, Ec57Label.O, 10), (Ec57Label.O, Ec57Label.N, 5));
        var b = Counts((Ec57Label.N, Ec57Label.N, 50));
        var report = DatabaseReport.From(Protocol, ["a", "b", "c"], null,
            [
                new() { Record = "a", Counts = a }, new() { Record = "b", Counts = b },
                RecordEvaluation.Failed("c", "c.hea: broken | badly"),
            ]);

        // When
        var context = new ReportContext("ecg-anomaly evaluate-database", TimeSpan.FromSeconds(2), 2, []);
        var markdown = DatabaseReportMarkdown.Format(report, context);

        // Then: bxb's line columns Nn' ... On' ... No' and sumstats' totals
        Assert.Contains("| a | 90 | 0 | 0 | 5 | 0 | 0 | 0 | 0 | 10 | 0 | 0 | 90.00 | 94.74 | - | - | 0.000 |", markdown);
        Assert.Contains("| **Sum** | 140 | 0 | 0 | 5 | 0 | 0 | 0 | 0 | 10 | 0 | 0 | | | | | |", markdown);
        Assert.Contains("| **Gross** | | | | | | | | | | | | 93.33 | 96.55 | - | - | 0.000 |", markdown);
        Assert.Contains("| **Average** | | | | | | | | | | | | 95.00 | 97.37 | - | - | 0.000 |", markdown);
        Assert.Contains("| c | c.hea: broken \\| badly |", markdown);
        Assert.Contains("Match window: 150 ms", markdown);
        Assert.Contains("Command: `ecg-anomaly evaluate-database`", markdown);
    }

    [Fact]
    public void Should_refuse_the_report_When_two_results_are_of_the_same_record()
    {
        var a = Counts((Ec57Label.N, Ec57Label.N, 1));
        var e = Assert.Throws<ArgumentException>(() => DatabaseReport.From(
            Protocol, ["a"], null, [new() { Record = "a", Counts = a }, new() { Record = "a", Counts = a }]));
        Assert.Contains("record a has two results", e.Message);
    }

    private static Ec57Counts Counts(params (Ec57Label Reference, Ec57Label Algorithm, long Count)[] cells)
    {
        var matrix = new long[7, 7];
        foreach (var (r, c, n) in cells) matrix[(int)r, (int)c] = n;
        return new Ec57Counts(matrix);
    }
}
