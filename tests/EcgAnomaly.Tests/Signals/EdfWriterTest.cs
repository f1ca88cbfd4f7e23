using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

public sealed class EdfWriterTest
{
    [Fact]
    public void Should_read_back_the_same_values_rate_labels_units_and_beats_When_MIT_BIH_100_is_written_as_EDF()
    {
        // Given: the first minute of record 100 and its reference annotations, onsets in seconds
        using var dir = new TemporaryFolder();
        var source = WfdbRecord.Open(RawEcg.Record("mitdb/100"));
        var atr = WfdbAnnotationReader.Read(source.AnnotationPath()!).Where(a => a.Sample < 60 * 360).ToArray();
        var path = dir.Combine("100.edf");

        // When
        EdfWriter.Write(path, source, seconds: 60, atr.Select(a => new EdfAnnotation(a.Sample / 360.0, null, a.Symbol)));
        var copy = EdfRecording.Open(path);

        // Then
        Assert.Equal(["MLII", "V5"], copy.Signals.Select(s => s.Description));
        Assert.All(copy.Signals, s => Assert.Equal("mV", s.Units));
        Assert.All(copy.Signals, s => Assert.Equal(360, s.SamplingFrequency));
        Assert.All(copy.Signals, s => Assert.Equal(60 * 360, s.SampleCount));
        for (var s = 0; s < 2; s++)
        {
            // One EDF step is the WFDB ADC step (1/200 mV): the 8-character header fields hold -163.84 and 163.835.
            Assert.Equal(1 / 200.0, copy.Step(s), 1e-12);
            var expected = source.ReadSignal(s)[..(60 * 360)];
            var actual = copy.ReadSignal(s);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < actual.Length; i++)
                Assert.True(Math.Abs(actual[i] - expected[i]) <= copy.Step(s), $"signal {s} sample {i}: {actual[i]} vs {expected[i]}");
        }
        var beats = copy.ReadAnnotations(0);
        Assert.NotNull(beats);
        Assert.Equal(atr.Select(a => (a.Sample, a.Symbol)), beats.Select(a => (a.Sample, a.Symbol)));
        Assert.Equal(atr.Select(a => a.Code), beats.Select(a => a.Code));
    }

    [Fact]
    public void Should_keep_every_signal_at_its_own_rate_When_an_EDF_file_is_written_again()
    {
        // Given: an EDF with a 4 Hz and a 1.5 Hz signal (3 records of 2 s)
        using var dir = new TemporaryFolder();
        var source = dir.Combine("rates.edf");
        File.WriteAllBytes(source, new EdfBytes
        {
            Records = "3",
            Duration = "2",
            Signals = [new EdfBytesSignal(Samples: "8"), new EdfBytesSignal("Resp", "V", "-1", "1", "-100", "100", "3")],
        }.Build());
        var original = EdfRecording.Open(source);

        // When
        EdfWriter.Write(dir.Combine("again.edf"), original);
        var again = EdfRecording.Open(dir.Combine("again.edf"));

        // Then: a 2 s record is the shortest that holds whole samples of 1.5 Hz
        Assert.Equal(2, again.Header.RecordDuration);
        Assert.Equal(original.Signals.Select(s => (s.Description, s.Units, s.SamplingFrequency, s.SampleCount)),
            again.Signals.Select(s => (s.Description, s.Units, s.SamplingFrequency, s.SampleCount)));
        for (var s = 0; s < 2; s++)
        {
            Assert.True(again.Step(s) <= original.Step(s) * (1 + 1e-6), $"signal {s}: step {again.Step(s)} vs {original.Step(s)}");
            Assert.Equal(original.ReadSignal(s).Select(v => (double)v), again.ReadSignal(s).Select(v => (double)v),
                new ToleranceComparer(again.Step(s)));
        }
    }
}
