using CsCheck;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// Write then read equals, for every format the writer takes: random records of 1-4 signals and 0-2000 samples
/// (odd counts included, which end 212, 310 and 311 files inside a group), values anywhere in the format's range
/// with its extremes drawn often, and headers whose initial values and checksums the reader accepts.
/// </summary>
public sealed class WfdbRoundTripPropertyTest
{
    // Few enough iterations that all formats together run in a few seconds on the shared two cores.
    private const int Iterations = 40;

    private static int s_records;

    public static TheoryData<int> Formats() => [.. WfdbWriter.Formats];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Should_read_back_every_sample_and_accept_the_checksums_When_a_random_record_is_written(int format)
    {
        using var dir = new TemporaryFolder();
        Check.Sample(RecordGen(format), record =>
        {
            // Given: a random record
            var (signals, length, values) = record;
            var path = dir.Combine($"r{Interlocked.Increment(ref s_records)}");

            // When: written in chunks of an odd size, then read back
            WfdbWriter.Write(path, format, 250, Specs(signals), values.Chunk(7 * signals + 1));
            var copy = WfdbRecord.Open(path);

            // Then
            copy.VerifyChecksums();
            Assert.Equal(length, copy.SamplesPerSignal);
            Assert.All(copy.Header.Signals, s => Assert.Equal(format, s.Format));
            for (var s = 0; s < signals; s++)
                Assert.Equal(Enumerable.Range(0, length).Select(i => values[i * signals + s]), copy.ReadSignalAdc(s));
        }, iter: Iterations, threads: 1, print: r => $"{r.Signals} signals x {r.Length} samples, format {format}");
    }

    [Fact]
    public void Should_write_every_format_the_reader_decodes()
    {
        Assert.Equal([8, 16, 24, 32, 61, 80, 160, 212, 310, 311], WfdbWriter.Formats);
    }

    [Theory]
    [InlineData(212, 2048)]
    [InlineData(310, -513)]
    [InlineData(311, 512)]
    [InlineData(80, 128)]
    [InlineData(16, 32768)]
    [InlineData(24, -8_388_609)]
    public void Should_refuse_and_leave_no_file_When_a_value_does_not_fit_the_format(int format, int value)
    {
        using var dir = new TemporaryFolder();
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => WfdbWriter.Write(dir.Combine("r"), format, 250, Specs(1), [[0, value]]));
        Assert.Contains($"format {format} holds values", error.Message, StringComparison.Ordinal);
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Should_refuse_a_step_of_more_than_a_signed_byte_When_writing_format_8()
    {
        using var dir = new TemporaryFolder();
        WfdbWriter.Write(dir.Combine("ok"), 8, 250, Specs(2), [[1000, -5, 1127, -133]]);
        Assert.Equal([1000, 1127], WfdbRecord.Open(dir.Combine("ok")).ReadSignalAdc(0));

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => WfdbWriter.Write(dir.Combine("r"), 8, 250, Specs(2), [[1000, -5, 1128, -5]]));
        Assert.Contains("steps by 128 at sample 1", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Signals, samples per signal, and the interleaved values, all within what <paramref name="format"/> holds.</summary>
    private static Gen<(int Signals, int Length, int[] Values)> RecordGen(int format) =>
        Gen.Select(Gen.Int[1, 4], Gen.Int[0, 2000]).SelectMany((signals, length) =>
            (format == 8 ? DifferenceValues(signals, length) : ValuesInRange(format, signals * length))
                .Select(values => (signals, length, values)));

    private static Gen<int[]> ValuesInRange(int format, int count)
    {
        var bits = format switch { 16 or 61 or 160 => 16, 24 => 24, 32 => 32, 80 => 8, 212 => 12, _ => 10 };
        var (min, max) = bits == 32 ? (int.MinValue, int.MaxValue) : (-(1 << (bits - 1)), (1 << (bits - 1)) - 1);
        // The extremes, zero and -1 a quarter of the time: where sign extension and offset binary go wrong.
        return Gen.Frequency((3, Gen.Int[min, max]), (1, Gen.OneOf(min, max, 0, -1))).Array[count];
    }

    /// <summary>Format 8: a start per signal anywhere, then steps of -128..127 (the extremes drawn often).</summary>
    private static Gen<int[]> DifferenceValues(int signals, int length) =>
        Gen.Select(Gen.Int[-1_000_000, 1_000_000].Array[signals],
            Gen.Frequency((3, Gen.Int[-128, 127]), (1, Gen.OneOf(-128, 127))).Array[signals * length],
            (starts, steps) =>
            {
                var values = new int[steps.Length];
                for (var i = 0; i < values.Length; i++)
                    values[i] = i < signals ? starts[i] : values[i - signals] + steps[i];
                return values;
            });

    private static WfdbSignalSpec[] Specs(int signals) =>
        [.. Enumerable.Range(0, signals).Select(i => new WfdbSignalSpec("", 0, 200, 0, "mV", 0, 0, 0, 0, 0, $"lead {i}"))];
}
