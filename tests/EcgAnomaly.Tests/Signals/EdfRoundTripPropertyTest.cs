using CsCheck;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// Write then read equals for the EDF writer: random WFDB records (1-3 signals, any gain, any 16-bit value but WFDB's
/// invalid one, 1-8 s at 250 Hz) written as EDF+ read back with the same labels, units and rate, every whole data
/// record kept, and every value within one digital step of the EDF's scaling.
/// </summary>
public sealed class EdfRoundTripPropertyTest
{
    private const int Iterations = 25;

    private static int s_records;

    [Fact]
    public void Should_read_back_every_value_within_one_step_When_a_random_record_is_written_as_EDF()
    {
        using var dir = new TemporaryFolder();
        var gen = Gen.Select(Gen.Int[1, 3], Gen.Int[250, 2000], Gen.OneOf(200.0, 100.0, 1000.0, 12.5))
            .SelectMany((signals, length, gain) => Gen.Frequency((3, Gen.Int[-32767, 32767]), (1, Gen.OneOf(-32767, 32767, 0)))
                .Array[signals * length].Select(values => (signals, length, gain, values)));
        Check.Sample(gen, sample =>
        {
            // Given: a random WFDB record
            var (signals, length, gain, values) = sample;
            var path = dir.Combine($"r{Interlocked.Increment(ref s_records)}");
            var specs = Enumerable.Range(0, signals)
                .Select(i => new WfdbSignalSpec("", 0, gain, 0, "mV", 0, 0, 0, 0, 0, i == 0 ? "MLII" : $"V{i}")).ToArray();
            WfdbWriter.Write(path, 16, 250, specs, [values]);
            var source = WfdbRecord.Open(path);

            // When: written as EDF and read back
            EdfWriter.Write(path + ".edf", source);
            var copy = EcgRecording.Open(path + ".edf");

            // Then: whole one-second data records, the same signals, every value within one step
            var edf = Assert.IsType<EdfRecording>(copy);
            Assert.Equal(signals, copy.Signals.Count);
            for (var s = 0; s < signals; s++)
            {
                Assert.Equal(source.Signals[s].Description, copy.Signals[s].Description);
                Assert.Equal("mV", copy.Signals[s].Units);
                Assert.Equal(250, copy.Signals[s].SamplingFrequency, 9);
                var expected = source.ReadSignal(s);
                var actual = copy.ReadSignal(s);
                Assert.Equal(length / 250 * 250, actual.Length);
                var step = edf.Step(s);
                for (var i = 0; i < actual.Length; i++)
                    Assert.True(Math.Abs(actual[i] - expected[i]) <= step * 1.0001 + 1e-6,
                        $"signal {s} sample {i}: wrote {expected[i]}, read {actual[i]} (step {step})");
            }
        }, iter: Iterations, threads: 1, print: r => $"{r.signals} signals x {r.length} samples, gain {r.gain}");
    }
}
