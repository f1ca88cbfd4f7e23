using System.Globalization;
using System.IO.Compression;
using EcgAnomaly.Signals;
using Xunit.Abstractions;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// The test records of wfdb-python (wfdb-conformance/SOURCE.md), decoded here and compared value by value with what
/// the reference C tools rdsamp printed for them, and with the checksum and initial value each header carries.
/// </summary>
public sealed class WfdbConformanceTest(ITestOutputHelper output)
{
    /// <summary>The records read, each with its target and the call that made it (test_record.py).</summary>
    public static TheoryData<string, string, bool, int[]?, int, int?> Targets => new()
    {
        // record, target, physical, channels (null: all), first sample, end sample (exclusive; null: the end)
        { "test01_00s", "record-1a", false, null, 0, null },
        { "a103l", "record-1b", true, [2, 0], 12500, 40000 },
        { "3000003_0003", "record-1d", true, [1], 125, 1000 },
        { "binformats", "record-1f.gz", false, null, 0, null },
        { "100", "record-2b", false, [1], 1, 10800 },
        { "100_3chan", "record-2c", true, null, 0, null },
        { "310derive", "record-2d", false, null, 2, null },
        { "311derive", "record-2e", true, [0], 1, 978 },
        { "s0010_re", "record-3b", true, [13, 0, 4, 8, 3], 5000, 38000 },
    };

    /// <summary>Headers whose record this reader opens, so that every signal's checksum and initial value are checked.</summary>
    private static readonly string[] Readable =
    [
        "100", "100-no-len", "100_3chan", "310derive", "310derive_2", "310derive_3", "311derive", "311derive_2",
        "311derive_3", "311derive_4", "3000003_0003", "a103l", "a103l-no-len", "binformats", "p10143", "s0010_re",
        "test01_00s", "v102s",
    ];

    /// <summary>Headers naming a feature not implemented yet, with the words the refusal must contain.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "100skew", "skewed signals" },
        { "test01_00s_skew", "skewed signals" },
        { "test01_00s_frame", "multi-frequency signals" },
        { "test01_00s_skewframe", "skewed signals" },
        { "03700181", "multi-frequency signals" },
        { "flacformats", "FLAC" },
        { "flac_3_constant", "FLAC" },
        { "mixedsignals", "FLAC" },
        { "multi-segment/041s/041s", "multi-segment records" },
        { "multi-segment/fixed1/v102s", "multi-segment records" },
    };

    private static string SampleData => Path.Combine(TestData.DataRoot, "wfdb-conformance", "wfdb-python", "sample-data");

    private static string TargetOutput => Path.Combine(TestData.DataRoot, "wfdb-conformance", "wfdb-python", "target-output");

    [Theory]
    [MemberData(nameof(Targets))]
    public void Should_give_the_reference_values_When_reading_a_conformance_record(
        string recordName, string target, bool physical, int[]? channels, int from, int? to)
    {
        // Given
        var record = WfdbRecord.Open(Path.Combine(SampleData, recordName));
        var expected = ReadTarget(target);
        var signals = channels ?? Enumerable.Range(0, record.Header.SignalCount).ToArray();
        var end = to ?? (int)record.SamplesPerSignal;

        // When
        var digital = Array.ConvertAll(signals, record.ReadSignalAdc);

        // Then
        Assert.Equal(end - from, expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(signals.Length, expected[i].Length);
            for (var c = 0; c < signals.Length; c++)
            {
                var adc = digital[c][from + i];
                var where = $"{recordName} signal {signals[c]} sample {from + i}";
                if (physical)
                {
                    var value = record.Header.Signals[signals[c]].ToPhysical(adc);
                    Assert.True(Math.Abs(value - expected[i][c]) <= 1e-6 + 1e-6 * Math.Abs(expected[i][c]),
                        $"{where}: expected {expected[i][c]}, decoded {value}");
                }
                else
                {
                    Assert.True(adc == expected[i][c], $"{where}: expected {expected[i][c]}, decoded {adc}");
                }
            }
        }
    }

    [Theory]
    [InlineData("binformats")]
    [InlineData("310derive")]
    [InlineData("310derive_3")]
    [InlineData("311derive_3")]
    [InlineData("100_3chan")]
    public void Should_stream_the_same_values_When_read_in_chunks_that_split_the_format_groups(string recordName)
    {
        // Given: a chunk of 7 samples, which splits 212's pairs, 310's and 311's triplets and format 8's running sums
        var record = WfdbRecord.Open(Path.Combine(SampleData, recordName));
        var whole = Enumerable.Range(0, record.Header.SignalCount).Select(record.ReadSignal).ToArray();

        // When
        var chunks = record.ReadChunks(7).ToList();

        // Then
        for (var s = 0; s < whole.Length; s++) Assert.Equal(whole[s], chunks.SelectMany(c => c[s]).ToArray());
    }

    [Fact]
    public void Should_match_each_headers_checksums_and_initial_values_When_the_record_is_readable()
    {
        // Given: every header of sample-data/ that this reader opens; a record whose files are absent is listed
        var present = new List<string>();
        var absent = new List<string>();
        foreach (var name in Readable)
        {
            try
            {
                var record = WfdbRecord.Open(Path.Combine(SampleData, name));
                present.Add(name);

                // When / Then: a differing value throws, naming the signal's header line
                record.VerifyChecksums();
                Assert.All(record.Header.Signals, s => Assert.True(s.HasChecksum, $"{name}: {s.Description} has no checksum"));
            }
            catch (DataFormatException e) when (e.Message.Contains("file not found", StringComparison.Ordinal))
            {
                absent.Add(name);
            }
        }

        // Then: the signal files absent from the shared copy (SOURCE.md) are reported by name, not passed silently
        foreach (var name in absent) output.WriteLine($"absent from sample-data/, not checked: {name}");
        Assert.Equal(Readable, present);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Should_refuse_naming_the_feature_When_the_record_uses_one_not_implemented(string recordName, string feature)
    {
        // Given
        var path = Path.Combine(SampleData, recordName);

        // When
        var e = Assert.Throws<DataFormatException>(() => WfdbRecord.Open(path));

        // Then
        Assert.Contains(feature, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_the_records_whose_files_are_absent_When_the_shared_copy_lacks_them()
    {
        // Given: headers whose signal files SOURCE.md says were not available upstream
        string[] expectedAbsent = ["1003", "12726", "n16"];

        // When
        var absent = expectedAbsent.Where(name => IsAbsent(Path.Combine(SampleData, name))).ToList();

        // Then
        foreach (var name in absent) output.WriteLine($"absent from sample-data/: {name}");
        Assert.Equal(expectedAbsent, absent);
    }

    private static bool IsAbsent(string recordPath)
    {
        try
        {
            WfdbRecord.Open(recordPath);
            return false;
        }
        catch (DataFormatException e) when (e.Message.Contains("file not found", StringComparison.Ordinal))
        {
            return true;
        }
    }

    private static List<double[]> ReadTarget(string name)
    {
        var path = Path.Combine(TargetOutput, name);
        using var file = File.OpenRead(path);
        using Stream stream = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var rows = new List<double[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            rows.Add(Array.ConvertAll(
                line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries),
                t => double.Parse(t, CultureInfo.InvariantCulture)));
        }
        return rows;
    }
}
