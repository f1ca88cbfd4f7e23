using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>Small records written byte by byte, one per storage format and failure.</summary>
public sealed class WfdbSyntheticRecordTest
{
    [Fact]
    public void Should_decode_sign_extended_pairs_When_the_format_is_212()
    {
        // Given: -1 (0xFFF) and 0x123 pack as FF 1F 23; -2048 (0x800) and 2047 (0x7FF) as 00 78 FF
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", "r 2 360 2\nr.dat 212 200 12 0\nr.dat 212 100(-48) 12 0\n");
        File.WriteAllBytes(dir.Combine("r.dat"), [0xFF, 0x1F, 0x23, 0x00, 0x78, 0xFF]);

        // When
        var record = WfdbRecord.Open(dir.Combine("r"));

        // Then
        Assert.Equal([-1, -2048], record.ReadSignalAdc(0));
        Assert.Equal([0x123, 2047], record.ReadSignalAdc(1));
        // -2048 is format 212's invalid sample: rdsamp prints "-" for it, and physical units have NaN
        Assert.Equal([-1 / 200f, float.NaN], record.ReadSignal(0));
        Assert.Equal([(0x123 + 48) / 100f, (2047 + 48) / 100f], record.ReadSignal(1));
    }

    [Fact]
    public void Should_pair_samples_across_frames_When_a_212_file_holds_an_odd_number_of_signals()
    {
        // Given: 3 signals x 3 frames = 9 samples, so pairs straddle frames and the last sample takes 2 bytes
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", "r 3 100 3\nr.dat 212\nr.dat 212\nr.dat 212\n");
        int[] samples = [1, -2, 3, -4, 5, -6, 7, -8, 2047];
        File.WriteAllBytes(dir.Combine("r.dat"), Pack212(samples));

        // When
        var record = WfdbRecord.Open(dir.Combine("r.hea"));
        var chunks = record.ReadChunks(2).ToList();

        // Then
        Assert.Equal(14, new FileInfo(dir.Combine("r.dat")).Length);
        Assert.Equal([1, -4, 7], record.ReadSignalAdc(0));
        Assert.Equal([-2, 5, -8], record.ReadSignalAdc(1));
        Assert.Equal([3, -6, 2047], record.ReadSignalAdc(2));
        Assert.Equal([2, 1], chunks.Select(c => c[2].Length));
        Assert.Equal([3 / 200f, -6 / 200f, 2047 / 200f], chunks.SelectMany(c => c[2]));
    }

    [Fact]
    public void Should_read_little_endian_words_after_the_byte_offset_When_the_format_is_16()
    {
        // Given: 4 junk bytes skipped by +4, then frames (0, 1) (-1, 32767) (-32768, 1000)
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", "r 2 1000 3\nr.dat 16+4 1000(10)/uV 16 0\nr.dat 16+4 2\n");
        File.WriteAllBytes(dir.Combine("r.dat"), [9, 9, 9, 9, 0, 0, 1, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0x00, 0x80, 0xE8, 0x03]);

        // When
        var record = WfdbRecord.Open(dir.Combine("r"));

        // Then
        Assert.Equal([0, -1, -32768], record.ReadSignalAdc(0));
        Assert.Equal([1, 32767, 1000], record.ReadSignalAdc(1));
        // -32768, format 16's invalid sample, has no physical value
        Assert.Equal([-10 / 1000f, -11 / 1000f, float.NaN], record.ReadSignal(0));
        Assert.Equal("uV", record.Header.Signals[0].Units);
        Assert.Equal([0.5f, 16383.5f, 500f], record.ReadSignal(1));
    }

    [Fact]
    public void Should_read_offset_binary_bytes_When_the_format_is_80_in_a_second_file()
    {
        // Given: signal 0 in a.dat (16), signal 1 in b.dat (80); b.dat is longer than needed, which is fine
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", "r 2 100 3\na.dat 16 200\nb.dat 80 50 8 0\n");
        File.WriteAllBytes(dir.Combine("a.dat"), [5, 0, 6, 0, 7, 0]);
        File.WriteAllBytes(dir.Combine("b.dat"), [128, 0, 255, 200]);

        // When
        var record = WfdbRecord.Open(dir.Combine("r"));
        var chunk = Assert.Single(record.ReadChunks(10));

        // Then
        Assert.Equal([5, 6, 7], record.ReadSignalAdc(0));
        Assert.Equal([0, -128, 127], record.ReadSignalAdc(1));
        // -128, format 80's invalid sample, has no physical value
        Assert.Equal([0f, float.NaN, 127 / 50f], chunk[1]);
        Assert.Equal([5 / 200f, 6 / 200f, 7 / 200f], chunk[0]);
    }

    [Fact]
    public void Should_take_the_length_from_the_signal_file_When_the_header_omits_it()
    {
        // Given: 7 bytes of format 16 with 2 signals: one whole frame and a partial one
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", "r 2\nr.dat 16\nr.dat 16\n");
        File.WriteAllBytes(dir.Combine("r.dat"), [1, 0, 2, 0, 3, 0, 4]);

        // When
        var record = WfdbRecord.Open(dir.Combine("r"));

        // Then
        Assert.Equal(0, record.Header.SamplesPerSignal);
        Assert.Equal(1, record.SamplesPerSignal);
        Assert.Equal(250, record.SamplingFrequency);
        Assert.Equal([2], record.ReadSignalAdc(1));
    }

    [Theory]
    [InlineData("212", 8, "byte 8: truncated: expected 3 samples per signal, file holds 2")]
    [InlineData("16", 11, "byte 11: truncated: expected 3 samples per signal, file holds 2")]
    [InlineData("80", 5, "byte 5: truncated: expected 3 samples per signal, file holds 2")]
    public void Should_name_the_file_byte_and_counts_When_the_signal_file_is_truncated(string format, int length, string problem)
    {
        // Given: 3 frames of 2 signals promised, fewer bytes written
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", $"r 2 100 3\nr.dat {format}\nr.dat {format}\n");
        var dat = dir.Combine("r.dat");
        File.WriteAllBytes(dat, new byte[length]);

        // When
        var error = Assert.Throws<DataFormatException>(() => WfdbRecord.Open(dir.Combine("r")));

        // Then
        Assert.Equal($"{dat}: {problem}", error.Message);
    }

    [Fact]
    public void Should_throw_a_data_format_error_When_the_signal_file_shrinks_while_streaming()
    {
        // Given: a record opened while whole, then cut short
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", "r 1 100 4\nr.dat 16\n");
        var dat = dir.Combine("r.dat");
        File.WriteAllBytes(dat, [1, 0, 2, 0, 3, 0, 4, 0]);
        var record = WfdbRecord.Open(dat);
        File.WriteAllBytes(dat, [1, 0, 2, 0, 3]);

        // When
        var error = Assert.Throws<DataFormatException>(() => record.ReadChunks(3).ToList());

        // Then
        Assert.Equal($"{dat}: byte 4: truncated: expected 4 samples per signal, file holds 2", error.Message);
    }

    [Fact]
    public void Should_throw_missing_file_When_the_signal_file_does_not_exist()
    {
        using var dir = new TemporaryFolder();
        dir.Write("r.hea", "r 1 100 4\nr.dat 16\n");

        var error = Assert.Throws<DataFormatException>(() => WfdbRecord.Open(dir.Combine("r")));

        Assert.Equal(dir.Combine("r.dat") + ": file not found", error.Message);
    }

    [Theory]
    [InlineData("r.dat 16 200 16 0 5 9", 2, "signal 0 (record r, signal 0): the header gives checksum 9, the samples in r.dat sum to 10")]
    [InlineData("r.dat 16 200 16 0 4 10 0 II", 2, "signal 0 (II): the header gives initial value 4, r.dat starts with 5")]
    public void Should_name_the_signal_line_When_a_checksum_or_initial_value_is_wrong(string signalLine, int line, string problem)
    {
        // Given: samples 5 and 5 (sum 10)
        using var dir = new TemporaryFolder();
        var hea = dir.Write("r.hea", $"r 1 100 2\n{signalLine}\n");
        File.WriteAllBytes(dir.Combine("r.dat"), [5, 0, 5, 0]);
        var record = WfdbRecord.Open(hea);

        // When
        var error = Assert.Throws<DataFormatException>(record.VerifyChecksums);

        // Then
        Assert.Equal($"{hea}:{line}: {problem}", error.Message);
    }

    [Fact]
    public void Should_wrap_the_checksum_to_16_bits_When_the_sum_overflows()
    {
        // Given: 32767 + 32767 + 3 = 65537, which wraps to 1
        using var dir = new TemporaryFolder();
        var hea = dir.Write("r.hea", "r 1 100 3\nr.dat 16 200 16 0 32767 1\n");
        File.WriteAllBytes(dir.Combine("r.dat"), [0xFF, 0x7F, 0xFF, 0x7F, 3, 0]);
        var record = WfdbRecord.Open(hea);

        // When
        var checksums = record.ComputeChecksums();

        // Then
        Assert.Equal([1], checksums);
        record.VerifyChecksums();
    }

    /// <summary>Packs 12-bit samples two by two into 3 bytes; an odd last sample takes 2 bytes.</summary>
    private static byte[] Pack212(int[] samples)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < samples.Length; i += 2)
        {
            var first = samples[i] & 0xFFF;
            bytes.Add((byte)first);
            if (i + 1 == samples.Length)
            {
                bytes.Add((byte)(first >> 8));
                break;
            }
            var second = samples[i + 1] & 0xFFF;
            bytes.Add((byte)(first >> 8 | (second >> 8) << 4));
            bytes.Add((byte)second);
        }
        return [.. bytes];
    }
}
