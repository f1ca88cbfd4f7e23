using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>The two shared records, checked against values their headers and raw-ecg/SOURCE.md give.</summary>
public sealed class WfdbRecordTest
{
    [Theory]
    [InlineData("")]
    [InlineData(".hea")]
    [InlineData(".dat")]
    [InlineData(".atr")]
    public void Should_open_the_same_record_When_given_the_record_path_or_any_of_its_files(string extension)
    {
        // Given
        var recordPath = RawEcg.Record("mitdb/100");

        // When
        var record = WfdbRecord.Open(recordPath + extension);

        // Then
        Assert.Equal(recordPath, record.RecordPath);
        Assert.Equal(650000, record.SamplesPerSignal);
        Assert.Equal(360, record.SamplingFrequency);
        Assert.Equal("MLII", record.Header.Signals[0].Description);
    }

    [Theory]
    [InlineData("mitdb/100", 995, 1011, -22131, 20052)]
    [InlineData("svdb/800", -101, 123, -25183, 10510)]
    public void Should_match_the_header_first_values_and_checksums_When_reading_the_whole_record(
        string name, int first0, int first1, int checksum0, int checksum1)
    {
        // Given
        var record = WfdbRecord.Open(RawEcg.Record(name));

        // When
        var adc = new[] { record.ReadSignalAdc(0), record.ReadSignalAdc(1) };
        var checksums = record.ComputeChecksums();

        // Then: the sum of a signal, wrapped to 16 bits, is WFDB's checksum
        Assert.Equal([first0, first1], adc.Select(a => a[0]));
        Assert.Equal([checksum0, checksum1], adc.Select(a => (int)(short)a.Sum()));
        Assert.Equal([checksum0, checksum1], checksums);
        Assert.All(adc, a => Assert.Equal(record.SamplesPerSignal, a.Length));
        record.VerifyChecksums();
    }

    [Fact]
    public void Should_convert_to_millivolts_with_baseline_and_gain_When_reading_physical_values()
    {
        var record = WfdbRecord.Open(RawEcg.Record("mitdb/100"));

        var mlii = record.ReadSignal(0);

        Assert.Equal((995 - 1024) / 200f, mlii[0]);
        Assert.Equal(650000, mlii.Length);
        // 11-bit values about an ADC zero of 1024 at 200 per mV cannot leave ±5.12 mV.
        Assert.InRange(mlii.Min(), -5.2f, 0f);
        Assert.InRange(mlii.Max(), 0f, 5.2f);
    }

    [Fact]
    public void Should_stream_chunks_that_join_into_the_whole_signals_When_reading_chunks()
    {
        // Given: a chunk length that does not divide the record
        var record = WfdbRecord.Open(RawEcg.Record("svdb/800"));
        const int chunk = 50_000;

        // When
        var chunks = record.ReadChunks(chunk).ToList();

        // Then
        Assert.Equal([50_000, 50_000, 50_000, 50_000, 30_400], chunks.Select(c => c[0].Length));
        Assert.All(chunks, c => Assert.Equal(2, c.Length));
        for (var s = 0; s < 2; s++)
            Assert.Equal(record.ReadSignal(s), chunks.SelectMany(c => c[s]).ToArray());
        Assert.Equal(-101 / 200f, chunks[0][0][0]);
        Assert.Equal(123 / 200f, chunks[0][1][0]);
    }

    [Theory]
    [InlineData("MLII", 0)]
    [InlineData("mlii", 0)]
    [InlineData("v5", 1)]
    [InlineData("1", 1)]
    [InlineData("0", 0)]
    public void Should_find_the_lead_When_given_its_name_or_number(string lead, int expected)
    {
        var record = WfdbRecord.Open(RawEcg.Record("mitdb/100"));

        Assert.Equal(expected, record.LeadIndex(lead));
    }

    [Theory]
    [InlineData("aVR")]
    [InlineData("2")]
    [InlineData("-1")]
    public void Should_list_the_leads_When_the_lead_is_unknown(string lead)
    {
        var record = WfdbRecord.Open(RawEcg.Record("mitdb/100"));

        var error = Assert.Throws<ArgumentException>(() => record.LeadIndex(lead));

        Assert.Contains($"no lead '{lead}'", error.Message);
        Assert.Contains("0 = MLII, 1 = V5", error.Message);
    }

    [Fact]
    public void Should_take_the_first_lead_When_two_leads_share_a_name()
    {
        var record = WfdbRecord.Open(RawEcg.Record("svdb/800"));

        Assert.Equal(0, record.LeadIndex("ecg"));
    }

    [Fact]
    public void Should_give_the_annotation_path_only_When_the_file_exists()
    {
        var record = WfdbRecord.Open(RawEcg.Record("mitdb/100"));

        Assert.Equal(record.RecordPath + ".atr", record.AnnotationPath());
        Assert.Null(record.AnnotationPath("qrs"));
    }

    [Fact]
    public void Should_throw_missing_file_naming_the_header_When_the_record_does_not_exist()
    {
        using var dir = new TemporaryFolder();

        var error = Assert.Throws<DataFormatException>(() => WfdbRecord.Open(dir.Combine("nope")));

        Assert.Equal(dir.Combine("nope.hea") + ": file not found", error.Message);
    }
}
