using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// The EDF reader on the two EDF files of wfdb-python's test data (wfdb-conformance/SOURCE.md). test_generator_2.edf
/// has a WFDB twin (test_generator_2.hea/.dat, made from it by wfdb's edf2mit); its signals are decoded here straight
/// from the .dat with the WFDB header's gains, independently of both readers. Annotations are compared with what
/// BioSig's save2gdf lists (Fixtures/make_biosig_edf_fixtures.py).
/// </summary>
public sealed class EdfRecordingTest
{
    private const int GeneratorSignals = 11;
    private const int GeneratorSamplesPerFrame = 200;
    private const int GeneratorFrameSamples = 11 * 200 + 51;

    public static string Sample(string name) =>
        Path.Combine(TestData.DataRoot, "wfdb-conformance", "wfdb-python", "sample-data", name);

    [Fact]
    public void Should_equal_the_WFDB_twin_within_one_digital_step_When_reading_test_generator_2()
    {
        // Given: the WFDB header's signal lines (test_generator_2.hea, read as Latin-1: two units are the byte 0xB0)
        var lines = File.ReadAllLines(Sample("test_generator_2.hea"), Encoding.Latin1);
        var wfdb = lines.Skip(1).Take(GeneratorSignals).Select(WfdbLine).ToArray();
        var dat = File.ReadAllBytes(Sample("test_generator_2.dat"));
        var frames = dat.Length / 2 / GeneratorFrameSamples;

        // When
        var edf = EdfRecording.Open(Sample("test_generator_2.edf"));

        // Then: the 12th signal, "EDF Annotations", is not a signal
        Assert.Equal(GeneratorSignals, edf.Signals.Count);
        Assert.Equal(600, frames);
        for (var s = 0; s < GeneratorSignals; s++)
        {
            var (description, gain, units) = wfdb[s];
            Assert.Equal(description, edf.Signals[s].Description);
            // WFDB: 1 frame per second × 200 samples per frame.
            Assert.Equal(200, edf.Signals[s].SamplingFrequency);
            Assert.Equal(frames * GeneratorSamplesPerFrame, edf.Signals[s].SampleCount);
            Assert.Equal(units, edf.SignalHeader(s).PhysicalDimension);
            // µV are presented as mV; the two signals in "°" (0xB0) are not voltages and keep their units.
            var toPresented = units == "uV" ? 1e-3 : 1;
            Assert.Equal(units == "uV" ? "mV" : units, edf.Signals[s].Units);

            var values = edf.ReadSignal(s);
            var step = edf.Step(s);
            for (var i = 0; i < values.Length; i++)
            {
                var (frame, k) = Math.DivRem(i, GeneratorSamplesPerFrame);
                var at = 2 * (frame * GeneratorFrameSamples + s * GeneratorSamplesPerFrame + k);
                var expected = BinaryPrimitives.ReadInt16LittleEndian(dat.AsSpan(at)) / gain * toPresented;
                Assert.True(Math.Abs(values[i] - expected) <= step, $"signal {s} sample {i}: {values[i]} vs {expected} (step {step})");
            }
        }
    }

    [Fact]
    public void Should_list_the_annotations_BioSig_lists_and_one_start_per_record_When_reading_test_generator_2()
    {
        var edf = EdfRecording.Open(Sample("test_generator_2.edf"));

        var timeline = edf.ReadTimeline();

        AssertSameAnnotations(Expected("test_generator_2.edf"), timeline.Annotations);
        // Each record's timekeeping TAL is "+r" (the file's bytes: "+0\x14\x14", "+1\x14\x14", ... "+599\x14\x14").
        Assert.Equal(Enumerable.Range(0, 600).Select(r => (double)r), timeline.RecordStarts);
        // "RECORD START" is no WFDB beat label: no reference beats.
        Assert.Null(edf.ReadAnnotations(0));
    }

    [Fact]
    public void Should_list_the_856_annotations_BioSig_lists_When_the_file_holds_only_an_annotation_signal()
    {
        var edf = EdfRecording.Open(Sample("test_edfann.edf"));

        var timeline = edf.ReadTimeline();

        // One data record of 0 s holding one "EDF Annotations" signal of 30,720 samples (the file's header).
        Assert.Empty(edf.Signals);
        Assert.True(edf.Header.IsPlus);
        Assert.False(edf.Header.IsDiscontinuous);
        Assert.Equal(1, edf.Header.DataRecords);
        Assert.Equal(0, edf.Header.RecordDuration);
        Assert.Equal([0.0], timeline.RecordStarts);
        AssertSameAnnotations(Expected("test_edfann.edf"), timeline.Annotations);
        // Durations BioSig does not print for a 0 s record; from the file's bytes ("+0\x1530\x14Sleep stage W\x14",
        // "+33.43\x150\x14Lights off@@EEG F4-A1\x14").
        Assert.Equal(30, timeline.Annotations[0].Duration);
        Assert.Equal(0, timeline.Annotations[2].Duration);
    }

    [Theory]
    [InlineData("copy.EDF")]
    [InlineData("copy.edf")]
    public void Should_open_an_EDF_file_When_its_extension_is_edf_in_either_case(string name)
    {
        using var dir = new TemporaryFolder();
        var path = dir.Combine(name);
        File.Copy(Sample("test_generator_2.edf"), path);

        var recording = EcgRecording.Open(path);

        Assert.IsType<EdfRecording>(recording);
        Assert.Equal("copy", recording.Name);
        Assert.Equal([path], recording.Files());
        // "ECG" is the ECG lead by its description (signal 3).
        Assert.Equal(3, recording.DefaultLead());
    }

    [Fact]
    public void Should_read_24_bit_samples_When_the_file_is_BDF()
    {
        // Given: two records of one signal, 4 samples each, digital values -3 .. 4 in three bytes
        using var dir = new TemporaryFolder();
        var path = dir.Combine("tiny.bdf");
        File.WriteAllBytes(path, new EdfBytes
        {
            Bdf = true,
            Signals =
            [
                new EdfBytesSignal(PhysicalMin: "-8388608", PhysicalMax: "8388607", DigitalMin: "-8388608", DigitalMax: "8388607"),
            ],
        }.Build());

        // When
        var recording = EcgRecording.Open(path);

        // Then: 1 µV per step, presented in mV
        Assert.True(((EdfRecording)recording).Header.IsBdf);
        Assert.Equal(4, recording.Signals[0].SamplingFrequency);
        var values = recording.ReadSignal(0);
        Assert.Equal(8, values.Length);
        for (var i = 0; i < 8; i++) Assert.Equal((i - 3) * 1e-3, values[i], 1e-7);
    }

    [Fact]
    public void Should_read_every_signal_at_its_own_rate_in_chunks_of_any_size_When_signals_differ_in_rate()
    {
        // Given: 3 records of 2 s, an ECG at 4 Hz (8 per record) and a second signal at 1.5 Hz (3 per record)
        using var dir = new TemporaryFolder();
        var path = dir.Combine("rates.edf");
        File.WriteAllBytes(path, new EdfBytes
        {
            Records = "3",
            Duration = "2",
            Signals = [new EdfBytesSignal(Samples: "8"), new EdfBytesSignal("Resp", "V", "-1", "1", "-100", "100", "3")],
        }.Build());

        // When
        var recording = EdfRecording.Open(path);
        var resp = recording.ReadSignalChunks(1, 4).ToArray();

        // Then: record r holds values 11r-3 .. 11r+4 (the ECG), then 11r+5 .. 11r+7 (Resp)
        Assert.Equal([4.0, 1.5], recording.Signals.Select(s => s.SamplingFrequency));
        Assert.Equal([24L, 9L], recording.Signals.Select(s => s.SampleCount));
        Assert.Equal([4, 4, 1], resp.Select(c => c.Length));
        var expected = Enumerable.Range(0, 3)
            .SelectMany(r => Enumerable.Range(11 * r + 5, 3))
            .Select(d => (d + 100) * 2.0 / 200 - 1);
        // Volts are presented in mV.
        Assert.Equal(expected.Select(v => v * 1000), resp.SelectMany(c => c).Select(v => (double)v), new ToleranceComparer(1e-3));
        Assert.Equal("mV", recording.Signals[1].Units);
    }

    [Fact]
    public void Should_read_the_records_the_file_holds_When_the_number_of_records_is_minus_1()
    {
        using var dir = new TemporaryFolder();
        var path = dir.Combine("unknown.edf");
        var whole = new EdfBytes { Records = "3" }.Build();
        // Three records and half of a fourth, with the header's count "unknown".
        File.WriteAllBytes(path, [.. new EdfBytes { Records = "-1", Data = [.. whole[512..], 1, 2, 3, 4] }.Build()]);

        var recording = EdfRecording.Open(path);

        Assert.Equal(3, recording.Header.DataRecords);
        Assert.Equal(12, recording.ReadSignal(0).Length);
    }

    [Fact]
    public void Should_read_only_the_declared_records_When_the_file_is_longer_than_its_header_says()
    {
        using var dir = new TemporaryFolder();
        var path = dir.Combine("long.edf");
        var three = new EdfBytes { Records = "3" }.Build();
        File.WriteAllBytes(path, new EdfBytes { Records = "2", Data = three[512..] }.Build());

        var recording = EdfRecording.Open(path);

        Assert.Equal(8, recording.ReadSignal(0).Length);
    }

    [Fact]
    public void Should_place_beats_by_their_record_start_When_an_EDF_plus_D_file_has_a_gap()
    {
        // Given: EDF+D, an ECG at 4 Hz in two 1 s records starting at 0 s and 10 s, and an annotation signal whose
        // second record also has a TAL with a duration and two texts
        using var dir = new TemporaryFolder();
        var path = dir.Combine("gap.edf");
        byte[] first = [.. "+0\u0014\u0014\0+0.5\u0014N\u0014\0"u8];
        byte[] second = [.. "+10\u0014\u0014\0+10.75\u00150.25\u0014V\u0014noisy\u0014\0"u8];
        File.WriteAllBytes(path, new EdfBytes
        {
            Reserved = "EDF+D",
            Signals = [new EdfBytesSignal(), new EdfBytesSignal(EdfHeader.AnnotationLabel, "", "-1", "1", "-32768", "32767", "20")],
            Data = [.. new byte[8], .. first, .. new byte[40 - first.Length], .. new byte[8], .. second, .. new byte[40 - second.Length]],
        }.Build());

        // When
        var recording = EdfRecording.Open(path);
        var timeline = recording.ReadTimeline();
        var beats = recording.ReadAnnotations(0);

        // Then: the samples join the records end to end; the gap is in the record starts
        Assert.True(recording.Header.IsDiscontinuous);
        Assert.Single(recording.Signals);
        Assert.Equal(8, recording.Signals[0].SampleCount);
        Assert.Equal([0.0, 10.0], timeline.RecordStarts);
        Assert.Equal(
            [new EdfAnnotation(0.5, null, "N"), new EdfAnnotation(10.75, 0.25, "V"), new EdfAnnotation(10.75, 0.25, "noisy")],
            timeline.Annotations);
        Assert.NotNull(beats);
        // N: 0.5 s into record 0 = sample 2; V: 0.75 s into record 1 = 4 + 3; "noisy" is no WFDB label.
        Assert.Equal([(2L, "N"), (7L, "V")], beats.Select(b => (b.Sample, b.Symbol)));
    }

    internal static IReadOnlyList<(double Onset, string Text)> Expected(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestData.Fixture("biosig_edf_annotations.json")));
        return json.RootElement.GetProperty("files").GetProperty(file).EnumerateArray()
            .Select(e => (e[0].GetDouble(), e[1].GetString()!))
            .ToArray();
    }

    private static void AssertSameAnnotations(IReadOnlyList<(double Onset, string Text)> expected, IReadOnlyList<EdfAnnotation> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Text, actual[i].Text);
            // save2gdf's times carry about 20 µs of rounding; its onsets were rounded to 1 ms.
            Assert.True(
                Math.Abs(expected[i].Onset - actual[i].Onset) <= 0.001, $"annotation {i}: {actual[i].Onset} vs {expected[i].Onset}");
        }
    }

    /// <summary>Description, gain (ADC units per physical unit) and units of a WFDB signal line "file 16x200 gain/units ...".</summary>
    private static (string Description, double Gain, string Units) WfdbLine(string line)
    {
        var fields = line.Split(' ');
        var gainAndUnits = fields[2].Split('/');
        return (string.Join(' ', fields[8..]), double.Parse(gainAndUnits[0], CultureInfo.InvariantCulture), gainAndUnits[1]);
    }
}
