using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

public sealed class WfdbWriterTest
{
    [Fact]
    public void Should_read_back_the_same_samples_and_valid_checksums_When_a_record_is_written_in_format_212()
    {
        // Given: the first 10,001 frames of record 100 (an odd count of values per lead, both leads)
        using var dir = new TemporaryFolder();
        var source = WfdbRecord.Open(RawEcg.Record("mitdb/100"));
        var leads = new[] { source.ReadSignalAdc(0)[..10_001], source.ReadSignalAdc(1)[..10_001] };
        var frames = new short[2 * 10_001];
        for (var i = 0; i < 10_001; i++) (frames[2 * i], frames[2 * i + 1]) = ((short)leads[0][i], (short)leads[1][i]);

        // When
        WfdbWriter.Write212(dir.Combine("copy"), 360, source.Header.Signals, [frames[..7], frames[7..]]);
        var copy = WfdbRecord.Open(dir.Combine("copy"));

        // Then: the header's first values and checksums (checked by the reader) and every sample agree
        copy.VerifyChecksums();
        Assert.Equal(10_001, copy.SamplesPerSignal);
        Assert.Equal(leads[0], copy.ReadSignalAdc(0));
        Assert.Equal(leads[1], copy.ReadSignalAdc(1));
        Assert.Equal(source.ReadSignal(0)[..10_001], copy.ReadSignal(0));
        Assert.Equal("MLII", copy.Header.Signals[0].Description);
    }
}
