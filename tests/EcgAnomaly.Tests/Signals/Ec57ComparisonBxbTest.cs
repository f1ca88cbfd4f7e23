using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// The comparison and its report against the reference tool: wfdb-c's checkpkg/appcheck runs
/// <c>bxb -r 100s -a atr ann -f 0</c>, where 100s.ann is sqrs's output (checkpkg/expected/100s.qrs) and 100s.atr
/// the reference (data/100s.atr); checkpkg/expected/bxb.out is what bxb printed (wfdb-conformance/SOURCE.md).
/// </summary>
public sealed class Ec57ComparisonBxbTest
{
    private static string WfdbC => Path.Combine(TestData.DataRoot, "wfdb-conformance", "wfdb-c");

    [Fact]
    public void Should_print_what_bxb_printed_When_comparing_sqrs_with_the_reference_of_100s()
    {
        // Given: bxb's options: -f 0 starts at the first sample; with no -t, bxb ends at the record's length (strtim("e"))
        var header = WfdbHeader.Read(Path.Combine(WfdbC, "data", "100s.hea"));
        var reference = WfdbAnnotationReader.Read(Path.Combine(WfdbC, "data", "100s.atr"), header.SamplingFrequency);
        var test = WfdbAnnotationReader.Read(Path.Combine(WfdbC, "checkpkg", "expected", "100s.qrs"), header.SamplingFrequency);
        var options = new Ec57Options(header.SamplingFrequency) { StartSample = 0, EndSample = header.SamplesPerSignal };

        // When
        var counts = Ec57Comparison.Compare(reference, test, options);
        var report = Ec57Report.Format(counts, "100s", "atr", "ann");

        // Then
        Assert.Equal(File.ReadAllText(Path.Combine(WfdbC, "checkpkg", "expected", "bxb.out")), report);
    }
}
