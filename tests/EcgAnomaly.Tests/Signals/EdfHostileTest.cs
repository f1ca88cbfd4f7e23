using EcgAnomaly.Signals;
using EcgAnomaly.Tests.Hostile;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// Hostile and broken EDF files: each is refused with a DataFormatException naming the file and the byte offset or
/// field, before anything is allocated from the counts it claims; nothing else may escape the reader.
/// </summary>
public sealed class EdfHostileTest
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "truncated-fixed", "truncated header: the file's header takes bytes 0 to 255, the file has 100 bytes" },
        { "truncated-signals", "truncated header: the header of 1 signals takes bytes 256 to 511" },
        { "version", "byte 0 (version): 'X' is neither EDF's '0' nor BDF's 0xFF 'BIOSEMI'" },
        { "physical-minimum", "(physical minimum of signal 0 (ECG II)): 'abc' is not a number" },
        { "digital-maximum", "(digital maximum of signal 0 (ECG II)): 100 is not above the digital minimum 200" },
        { "digital-range", "(digital minimum of signal 0 (ECG II)): -40000 is outside the 16-bit range" },
        { "physical-equal", "(physical maximum of signal 0 (ECG II)): 5 equals the physical minimum" },
        { "records-text", "byte 236 (number of data records): '1e12' is not a number" },
        { "records-huge", "the header (byte 236, number of data records) declares 99999999 data records of 8 bytes, the file holds 2" },
        { "signals-huge", "byte 252 (number of signals): must be between 1 and 1,000, got 9999" },
        { "signals-zero", "byte 252 (number of signals): must be between 1 and 1,000, got 0" },
        { "header-bytes", "byte 184 (number of bytes in header record): 768 does not match 1 signals" },
        { "samples-huge", "(number of samples in each data record of signal 0 (ECG II)): must be between 1 and 67,108,864, got 99999999" },
        { "record-huge", "(number of samples in each data record): a data record of 79,999,996 bytes is more than 67,108,864" },
        { "samples-zero", "(number of samples in each data record of signal 0 (ECG II)): must be between 1" },
        { "duration-negative", "byte 244 (duration of a data record): -1 seconds is negative" },
        { "duration-zero", "byte 244 (duration of a data record): 0 seconds, but signal 0 (ECG II) is not an annotation signal" },
        { "rate-huge", "is more than 1,000,000 Hz" },
        { "data-short", "truncated: the header (byte 236, number of data records) declares 2 data records of 8 bytes, the file holds 1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_refuse_with_the_file_and_the_field_When_the_header_is_broken(string name, string expected)
    {
        // Given
        using var dir = new TemporaryFolder();
        var path = dir.Combine(name + ".edf");
        File.WriteAllBytes(path, Broken(name));

        // When
        var error = Assert.Throws<DataFormatException>(() => EcgRecording.Open(path));

        // Then
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Should_name_the_TAL_byte_offset_When_an_annotation_onset_is_not_a_number()
    {
        using var dir = new TemporaryFolder();
        var path = dir.Combine("tal.edf");
        var tal = "+0\u0014\u0014\0+x1\u0014N\u0014\0"u8.ToArray();
        File.WriteAllBytes(path, new EdfBytes
        {
            Records = "1",
            Reserved = "EDF+C",
            Signals = [new EdfBytesSignal(), new EdfBytesSignal(EdfHeader.AnnotationLabel, "", "-1", "1", "-32768", "32767", "8")],
            Data = [.. new byte[8], .. tal, .. new byte[16 - tal.Length]],
        }.Build());
        var recording = EdfRecording.Open(path);

        var error = Assert.Throws<DataFormatException>(() => recording.ReadAnnotations(0));

        // The header is 768 bytes, the ECG's 4 samples 8: the TAL "+x1" starts at byte 776 + 5.
        Assert.Equal($"{path}: byte 781 (EDF Annotations): TAL onset '+x1' is not a signed decimal number", error.Message);
    }

    [Fact]
    public void Should_refuse_without_opening_it_When_the_path_is_a_FIFO()
    {
        using var dir = new TemporaryFolder();
        var path = HostileFiles.Fifo(dir.Combine("pipe.edf"));

        var error = Assert.Throws<DataFormatException>(() => EcgRecording.Open(path));

        Assert.Contains("pipe.edf: is a FIFO", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_the_file_When_it_is_missing()
    {
        using var dir = new TemporaryFolder();

        var error = Assert.Throws<DataFormatException>(() => EcgRecording.Open(dir.Combine("none.EDF")));

        Assert.Equal(dir.Combine("none.EDF") + ": file not found", error.Message);
    }

    [Fact]
    public void Should_throw_only_DataFormatException_When_bytes_of_a_valid_file_are_corrupted_at_random()
    {
        // Given: an EDF+ file with an ECG, a second rate and annotations, written from MIT-BIH 100's first 10 s
        using var dir = new TemporaryFolder();
        var source = WfdbRecord.Open(RawEcg.Record("mitdb/100"));
        var valid = dir.Combine("valid.edf");
        EdfWriter.Write(valid, source, 10, [new EdfAnnotation(1.5, 0.25, "N"), new EdfAnnotation(2, null, "V")]);
        var bytes = File.ReadAllBytes(valid);
        var random = new Random(12);

        for (var trial = 0; trial < 300; trial++)
        {
            // When: a few bytes changed, or the file cut short
            var spoiled = (byte[])bytes.Clone();
            if (trial % 5 == 0) spoiled = spoiled[..random.Next(spoiled.Length)];
            for (var k = 0; k < 3; k++)
            {
                var at = trial % 2 == 0 ? random.Next(Math.Min(spoiled.Length, 1024)) : random.Next(spoiled.Length);
                if (spoiled.Length > 0) spoiled[at] = (byte)random.Next(256);
            }
            var path = dir.Combine($"spoiled{trial}.edf");
            File.WriteAllBytes(path, spoiled);

            // Then
            try
            {
                var recording = EdfRecording.Open(path);
                for (var s = 0; s < recording.Signals.Count; s++) _ = recording.ReadSignal(s);
                recording.ReadTimeline();
                if (recording.Signals.Count > 0) recording.ReadAnnotations(0);
            }
            catch (DataFormatException e)
            {
                Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
            }
            File.Delete(path);
        }
    }

    private static byte[] Broken(string name)
    {
        var valid = new EdfBytes();
        var signal = new EdfBytesSignal();
        return name switch
        {
            "truncated-fixed" => valid.Build()[..100],
            "truncated-signals" => valid.Build()[..300],
            "version" => new EdfBytes { Version = "X" }.Build(),
            "physical-minimum" => new EdfBytes { Signals = [signal with { PhysicalMin = "abc" }] }.Build(),
            "digital-maximum" => new EdfBytes { Signals = [signal with { DigitalMin = "200", DigitalMax = "100" }] }.Build(),
            "digital-range" => new EdfBytes { Signals = [signal with { DigitalMin = "-40000" }] }.Build(),
            "physical-equal" => new EdfBytes { Signals = [signal with { PhysicalMin = "5", PhysicalMax = "5" }] }.Build(),
            "records-text" => new EdfBytes { Records = "1e12", Data = [] }.Build(),
            "records-huge" => new EdfBytes { Records = "99999999", Data = valid.Build()[512..] }.Build(),
            "signals-huge" => new EdfBytes { SignalCount = "9999", Data = [] }.Build(),
            "signals-zero" => new EdfBytes { SignalCount = "0", Data = [] }.Build(),
            "header-bytes" => new EdfBytes { HeaderBytes = "768" }.Build(),
            "samples-huge" => new EdfBytes { Records = "1", Signals = [signal with { Samples = "99999999" }], Data = [] }.Build(),
            "record-huge" => new EdfBytes
            {
                Records = "1",
                Duration = "100",
                Signals = [signal with { Samples = "19999999" }, signal with { Samples = "19999999" }],
                Data = [],
            }.Build(),
            "samples-zero" => new EdfBytes { Signals = [signal with { Samples = "0" }], Data = [] }.Build(),
            "duration-negative" => new EdfBytes { Duration = "-1" }.Build(),
            "duration-zero" => new EdfBytes { Duration = "0" }.Build(),
            "rate-huge" => new EdfBytes { Duration = "0.000001", Data = [] }.Build(),
            "data-short" => new EdfBytes { Data = valid.Build()[512..^4] }.Build(),
            _ => throw new ArgumentException(name, nameof(name)),
        };
    }
}
