using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>Multi-segment, skewed and multi-frequency records written by hand, including hostile ones.</summary>
public sealed class WfdbMultiSegmentRecordTest
{
    [Fact]
    public void Should_stream_a_gap_without_allocating_it_When_the_header_declares_billions_of_samples()
    {
        // Given: a gap of 9,999,999,999 frames before a one-frame segment
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", "r/2 1 250 10000000000\n~ 9999999999\ns 1\n");
        dir.Write("s.hea", "s 1 250 1\ns.dat 16 200 16 0 7 7\n");
        File.WriteAllBytes(dir.Combine("s.dat"), [7, 0]);

        // When
        var record = EcgRecording.Open(dir.Combine("r"));
        var first = record.ReadSignalChunks(0, 1000).First();

        // Then
        Assert.Equal(10_000_000_000, record.Signals[0].SampleCount);
        Assert.Equal(1000, first.Length);
        Assert.All(first, v => Assert.True(float.IsNaN(v)));
        Assert.Equal(7 / 200f, ((WfdbMultiSegmentRecord)record).ReadSignalChunks(0, 10, 9_999_999_999).Single().Single());
    }

    [Theory]
    [InlineData("r/100001 1 250\n", "the number of segments must be no more than 100,000")]
    [InlineData("r/1 1 250\n../s 1\n", "the segment header '../s.hea' is outside the folder")]
    [InlineData("r/2 1 250 5\ns 1\ns 1\n", "the record line gives 5 samples per signal but its segments add up to 2")]
    [InlineData("r/1 1 250\n", "the record line declares 1 segments but 0 segment lines follow")]
    [InlineData("r/2 1 250\ns 1\n~ 20000000000\n", "the segments are longer than the 10,000,000,000 samples")]
    public void Should_refuse_in_one_line_When_the_multi_segment_header_is_hostile(string text, string problem)
    {
        // Given
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", text);
        dir.Write("s.hea", "s 1 250 1\ns.dat 16\n");
        File.WriteAllBytes(dir.Combine("s.dat"), [7, 0]);

        // When
        var e = Assert.Throws<DataFormatException>(() => EcgRecording.Open(dir.Combine("r")));

        // Then
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Should_read_nothing_past_the_file_When_a_skew_is_longer_than_the_record()
    {
        // Given: a skew of 10^9 frames on a two-frame file
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", "r 2 250 2\nr.dat 16\nr.dat 16:1000000000\n");
        File.WriteAllBytes(dir.Combine("r.dat"), [1, 0, 2, 0, 3, 0, 4, 0]);

        // When
        var record = WfdbRecord.Open(dir.Combine("r"));

        // Then: the skewed signal has no frames, so neither has the record read frame by frame
        Assert.Equal([1, 3], record.ReadSignalAdc(0));
        Assert.Empty(record.ReadSignalAdc(1));
        Assert.Equal(0, record.SamplesPerSignal);
        Assert.Empty(record.ReadChunks(10));
    }

    [Fact]
    public void Should_give_each_sample_or_the_frames_mean_When_a_signal_has_several_samples_per_frame()
    {
        // Given: signal 0 once and signal 1 three times per frame, signal 1 skewed by one frame
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", "r 2 100 3\nr.dat 16\nr.dat 16x3:1\n");
        short[] stored = [1, 10, 11, 13, 2, 20, 21, 23, 3, -30, -31, -33];
        File.WriteAllBytes(dir.Combine("r.dat"), stored.SelectMany(BitConverter.GetBytes).ToArray());

        // When
        var record = WfdbRecord.Open(dir.Combine("r"));
        var frames = record.ReadChunksAdc(1).ToList();

        // Then: signal 1 at 300 Hz from frame 1 on; frame by frame, the means truncated toward zero, as getvec
        Assert.Equal(300, record.Signals[1].SamplingFrequency);
        Assert.Equal([20, 21, 23, -30, -31, -33], record.ReadSignalAdc(1));
        Assert.Equal([[1], [21]], frames[0]);
        Assert.Equal([[2], [-31]], frames[1]);
        Assert.Equal(2, frames.Count);
        Assert.Equal([20, 21, 23, -30], record.ReadSignalAdcChunks(1, 4).First());
    }

    [Fact]
    public void Should_read_a_segment_after_a_missing_one_When_reading_from_a_later_sample()
    {
        // Given: WFDB's checkpkg record 237s, whose second segment ('missing') is absent on purpose
        var path = Path.Combine(TestData.DataRoot, "wfdb-conformance", "wfdb-c", "checkpkg", "input", "237s");
        var record = WfdbMultiSegmentRecord.Open(path);
        var segment = WfdbRecord.Open(Path.Combine(Path.GetDirectoryName(path)!, "237s1"));

        // When: from the third segment (237s1 again) on
        var later = record.ReadSignalChunks(0, 2500 * 4, 4_197_500L * 4).First();
        var error = Assert.Throws<DataFormatException>(() => record.ReadSignalChunks(0, 1 << 16).Take(200).ToList());

        // Then: the segment's own samples (II has 4 per frame); reading through the missing one names it
        Assert.Equal(segment.ReadSignal(0), later);
        Assert.Contains("missing.hea: file not found", error.Message, StringComparison.Ordinal);
    }
}
