using EcgAnomaly.Databases;

namespace EcgAnomaly.Tests.Databases;

/// <summary>The progress a database evaluation reports: each record's stages in order, and a total that only grows to the record count.</summary>
public sealed class DatabaseProgressTest
{
    [Fact]
    public void Should_report_every_record_through_its_stages_and_end_at_the_record_count_When_evaluating_two_records()
    {
        // Given: two whole MIT-BIH records, one at a time so the reports of a record are not interleaved with the other's
        using var dir = new TemporaryFolder();
        var request = new DatabaseEvaluationRequest
        {
            Database = Path.Combine(TestData.DataRoot, "raw-ecg", "mitdb"),
            OutputFolder = dir.Combine("out"),
            Records = "100,101",
            Parallel = 1,
        };
        var reports = new List<DatabaseEvaluationProgress>();

        // When
        DatabaseEvaluation.Run(request, reports.Add);

        // Then
        Assert.All(reports, r => Assert.Equal(2, r.Records));
        for (var i = 1; i < reports.Count; i++)
            Assert.True(reports[i].RecordsDone >= reports[i - 1].RecordsDone - 1e-9, $"the total went back at report {i}");
        Assert.Equal(2, reports[^1].RecordsDone, 9);
        foreach (var record in new[] { "100", "101" })
        {
            var stages = reports.Where(r => r.Record == record).Select(r => r.Stage).Distinct().ToList();
            Assert.Equal(["reading", "detecting beats", "comparing", "done"], stages);
        }
        // Detection reports as it reads, not only at the end of a record: many reports per record
        Assert.True(reports.Count(r => r.Record == "100" && r.Stage == "detecting beats") > 10);
    }
}
