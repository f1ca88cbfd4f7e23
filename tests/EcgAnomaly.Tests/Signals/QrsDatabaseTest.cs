using EcgAnomaly.Signals;
using Xunit.Abstractions;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// <see cref="QrsDetector"/> over MIT-BIH records scored by EC57's rules as bxb counts them (see
/// <see cref="QrsDatabaseMeasurement"/>). The expected counts come from the reference annotations (.atr) of each record.
/// </summary>
public sealed class QrsDatabaseTest(ITestOutputHelper output)
{
    /// <summary>The whole database, DS1, DS2 and the paced records, printed per record (about half a minute); run it with
    /// <c>--filter FullyQualifiedName~QrsDatabaseTest.Should_print</c> and a detailed console logger to read the table.</summary>
    [Fact]
    public void Should_print_the_per_record_table_When_measuring_the_whole_database()
    {
        var rows = QrsDatabaseMeasurement.Measure(QrsDatabaseMeasurement.All);

        foreach (var (title, names) in new[]
                 {
                     ("DS1", QrsDatabaseMeasurement.Ds1), ("DS2", QrsDatabaseMeasurement.Ds2),
                     ("paced", QrsDatabaseMeasurement.Paced), ("all 48", QrsDatabaseMeasurement.All),
                 })
            output.WriteLine(QrsDatabaseMeasurement.Table(title, [.. rows.Where(r => names.Contains(r.Record))]));

        Assert.Equal(48, rows.Count);
    }
}
