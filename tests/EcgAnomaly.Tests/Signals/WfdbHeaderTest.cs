using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

public sealed class WfdbHeaderTest
{
    [Fact]
    public void Should_read_every_field_When_reading_the_mitdb_100_header()
    {
        // Given: the values written in 100.hea (see raw-ecg/SOURCE.md)
        var file = RawEcg.Record("mitdb/100") + ".hea";

        // When
        var header = WfdbHeader.Read(file);

        // Then
        Assert.Equal("100", header.RecordName);
        Assert.Equal(2, header.SignalCount);
        Assert.Equal(360, header.SamplingFrequency);
        Assert.Equal(650000, header.SamplesPerSignal);
        Assert.Equal(
            new WfdbSignalSpec("100.dat", 212, 200, 1024, "mV", 11, 1024, 995, -22131, 0, "MLII") { HasChecksum = true },
            header.Signals[0]);
        Assert.Equal(
            new WfdbSignalSpec("100.dat", 212, 200, 1024, "mV", 11, 1024, 1011, 20052, 0, "V5") { HasChecksum = true },
            header.Signals[1]);
        Assert.Equal(["69 M 1085 1629 x1", "Aldomet, Inderal"], header.Comments);
    }

    [Fact]
    public void Should_read_every_field_When_reading_the_svdb_800_header()
    {
        var header = WfdbHeader.Read(RawEcg.Record("svdb/800") + ".hea");

        Assert.Equal(
            ("800", 2, 128.0, 230400L),
            (header.RecordName, header.SignalCount, header.SamplingFrequency, header.SamplesPerSignal));
        Assert.Equal([-101, 123], header.Signals.Select(s => s.InitialValue));
        Assert.Equal([-25183, 10510], header.Signals.Select(s => s.Checksum));
        Assert.All(
            header.Signals,
            s => Assert.Equal((212, 200.0, 0, 10, "ECG"), (s.Format, s.Gain, s.Baseline, s.AdcResolution, s.Description)));
        Assert.Empty(header.Comments);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Should_parse_the_same_header_When_lines_end_in_lf_or_crlf_with_comments_and_blank_lines(string newline)
    {
        // Given: comments before, between and after the lines, a blank line and a blank-only line
        var text = string.Join(newline,
            "# first comment", "rec 2 500/1(0) 1000 12:00:00 01/01/2000", "", "rec.dat 16 1000(5)/uV 16 0 7 -3 0 lead I",
            "   ", "#between", "rec.dat 16", "# last  ", "");

        // When
        var header = WfdbHeader.Parse(text, "rec.hea");

        // Then
        Assert.Equal(("rec", 2, 500.0, 1000L), (header.RecordName, header.SignalCount, header.SamplingFrequency, header.SamplesPerSignal));
        Assert.Equal(["first comment", "between", "last"], header.Comments);
        Assert.Equal(new WfdbSignalSpec("rec.dat", 16, 1000, 5, "uV", 16, 0, 7, -3, 0, "lead I") { HasChecksum = true }, header.Signals[0]);
    }

    [Fact]
    public void Should_apply_the_wfdb_defaults_When_optional_fields_are_missing()
    {
        // Given: no frequency, no length; a signal line with only file and format; a zero gain
        var text = "rec 3\nrec.dat 212\nrec.dat 212 0 0 -12\nother.dat 80+16 100/mmHg\n";

        // When
        var header = WfdbHeader.Parse(text, "rec.hea");

        // Then
        Assert.Equal(250, header.SamplingFrequency);
        Assert.Equal(0, header.SamplesPerSignal);
        var bare = header.Signals[0];
        Assert.Equal(new WfdbSignalSpec("rec.dat", 212, 200, 0, "mV", 12, 0, 0, 0, 0, "record rec, signal 0"), bare);
        Assert.False(bare.HasChecksum);
        var zeroGain = header.Signals[1];
        Assert.Equal(
            (200.0, -12, -12, -12, 12),
            (zeroGain.Gain, zeroGain.Baseline, zeroGain.AdcZero, zeroGain.InitialValue, zeroGain.AdcResolution));
        var offset = header.Signals[2];
        Assert.Equal(
            (80, 16L, "mmHg", 8, "record rec, signal 2"),
            (offset.Format, offset.ByteOffset, offset.Units, offset.AdcResolution, offset.Description));
    }

    [Fact]
    public void Should_read_an_inverted_signal_When_the_gain_is_negative()
    {
        // Given: a negative gain (the signal was recorded inverted) with a baseline in parentheses
        var text = "rec 1 360\nrec.dat 16 -200(1024)/mV 16 0 0\n";

        // When
        var header = WfdbHeader.Parse(text, "rec.hea");

        // Then: physical = (digital - baseline) / gain, so the sign flips
        var spec = header.Signals[0];
        Assert.Equal((-200.0, 1024), (spec.Gain, spec.Baseline));
        Assert.Equal((-1f, 1f), (spec.ToPhysical(1224), spec.ToPhysical(824)));
    }

    public static TheoryData<string, int?, int?, string> BadHeaders => new()
    {
        { "100 2 360 65x000\n100.dat 212\n100.dat 212\n", 1, 11, "'65x000' is not a number" },
        { "100 two 360\n", 1, 5, "'two' is not a number" },
        { "100 2 3.6e2.0\n", 1, 7, "'3.6e2.0' is not a number" },
        { "100 1 -360\n100.dat 212\n", 1, null, "sampling frequency must be positive" },
        { "# c\n\n100 1 360\n100.dat 212 2o0 11\n", 4, 13, "'2o0' is not a number" },
        { "100 1 360\n100.dat 212 200(1O24) 11\n", 2, 13, "'1O24' is not a number" },
        { "100 1 360\n100.dat 212 200 11 1024 995 -22x31\n", 2, 29, "'-22x31' is not a number" },
        {
            "100 1 360\n100.dat 999 200\n", 2, null,
            "signal format 999 is not supported (supported: 8, 16, 24, 32, 61, 80, 160, 212, 310, 311)"
        },
        { "100 1 360\n100.dat abc 200\n", 2, 9, "'abc' is not a number" },
        { "100 1 360\n100.dat 212x200001 200\n", 2, null, "200001 samples per frame (212x200001): no more than 100,000 are read" },
        { "100 2 360\n100.dat 212x60000\n100.dat 212x60000\n", 1, null, "a frame of this record holds 120,000 samples" },
        { "100 1 360\n100.dat 212:99999999999 200\n", 2, null, "skew 99999999999 (212:99999999999) is longer than" },
        { "100 1 360\n100.dat 516 200\n", 2, null, "FLAC-compressed signal format 516 is not supported yet" },
        { "100 1 360\n100.dat 212+ 200\n", 2, null, "format field '212+' is not format[xsamples][:skew][+offset]" },
        { "100/2 2 360 650000\n", 1, null, "'100/2' is a multi-segment record, not a single-segment one; open it with EcgRecording.Open" },
        { "100 2 360\n100.dat 212\n", null, null, "the record line declares 2 signals but 1 signal lines follow" },
        { "100 1 360\n100.dat 212\n100.dat 212\n", 3, null, "unexpected line: the record line declares only 1 signals" },
        { "# only a comment\r\n\r\n", null, null, "no record line" },
        { "100\n", 1, null, "needs the number of signals" },
        { "100 2 360\na.dat 16\na.dat 80\n", 3, null, "signal 1 is in format 80 but shares a.dat with signal 0 in format 16" },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public void Should_name_file_line_and_column_When_the_header_is_malformed(string text, int? line, int? column, string problem)
    {
        // Given: a header on disk, so that opening the record runs every check
        using var dir = new TemporaryFolder();
        var file = dir.Write("rec.hea", text);

        // When
        var error = Assert.Throws<DataFormatException>(() => WfdbRecord.Open(file));

        // Then
        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith(file + (line is null ? ": " : $":{line}"), error.Message);
    }

    [Fact]
    public void Should_throw_missing_file_When_the_header_does_not_exist()
    {
        using var dir = new TemporaryFolder();

        var error = Assert.Throws<DataFormatException>(() => WfdbHeader.Read(dir.Combine("none.hea")));

        Assert.Equal(dir.Combine("none.hea") + ": file not found", error.Message);
    }
}
