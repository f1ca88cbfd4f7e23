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
        // rdsamp -r sample-data/a103l -f 80 -s 0 1 (read expanded, smooth_frames=False: one sample per frame here)
        { "a103l", "record-1c", false, [0, 1], 20000, null },
    };

    /// <summary>
    /// Records read frame by frame as rdsamp reads them by default (getvec): a signal with several samples per frame gives
    /// their mean, skewed signals are read skew frames later, and the record ends where the most skewed signal does.
    /// </summary>
    public static TheoryData<string, string, bool, int[]?, int, int?> FrameTargets => new()
    {
        // record, target, physical, channels (null: all), first frame, end frame (exclusive; null: the end)
        { "test01_00s_skewframe", "record-4a", false, null, 0, null },
        { "03700181", "record-4b", false, null, 0, null },
        { "03700181", "record-4c", true, [0, 2], 1000, 16000 },
    };

    /// <summary>
    /// Records read at the highest rate of their signals, as rdsamp -H prints them: a signal with fewer samples per frame
    /// repeats each of its samples (zero-order hold), so each is checked against its expanded samples.
    /// </summary>
    public static TheoryData<string, string, bool, int[]?> ExpandedTargets => new()
    {
        // rdsamp -r sample-data/test01_00s_skewframe -P -H
        { "test01_00s_skewframe", "record-4d", true, null },
        // rdsamp -r sample-data/multi-segment/041s/ -s 3 2 1 -H | sed s/-32768/-2048/ (041s has no gaps: no -32768 left)
        { "multi-segment/041s/041s", "record-multi-fixed-d.gz", false, [3, 2, 1] },
    };

    /// <summary>
    /// Multi-segment records: a stretch of some signals, from a first sample on, as rdsamp printed it ("-" for a sample no
    /// segment has); invalidAs is what the command that made the target turned rdsamp's -32768 into.
    /// </summary>
    public static TheoryData<string, string, bool, int[]?, long, int?> SegmentTargets => new()
    {
        // record, target, physical, channels (null: all), first sample, what -32768 became (null: unchanged)
        { "multi-segment/fixed1/v102s", "record-multi-fixed-c", true, [1, 0, 3], 70000, null },
        { "multi-segment/s00001/s00001-2896-10-10-00-31", "record-multi-variable-a", true, null, 14428365, null },
        { "multi-segment/s00001/s00001-2896-10-10-00-31", "record-multi-variable-b", true, null, 14428364, null },
        // ... | perl -p -e 's/-32768/  -128/g;'
        { "multi-segment/p000878/p000878-2137-10-26-16-57", "record-multi-variable-d", false, [0, 1], 3550, -128 },
    };

    /// <summary>Signal files SOURCE.md says the shared copy lacks; a target that needs one is skipped, by name.</summary>
    private static readonly string[] AbsentSignalFiles = ["3975656_0009.dat", "3975656_0010.dat", "3975656_0011.dat"];

    /// <summary>Headers whose record this reader opens, so that every signal's checksum and initial value are checked.</summary>
    private static readonly string[] Readable =
    [
        "100", "100-no-len", "100_3chan", "310derive", "310derive_2", "310derive_3", "311derive", "311derive_2",
        "311derive_3", "311derive_4", "3000003_0003", "a103l", "a103l-no-len", "binformats", "p10143", "s0010_re",
        "test01_00s", "v102s", "100skew", "test01_00s_skew", "test01_00s_frame", "test01_00s_skewframe", "03700181",
    ];

    /// <summary>
    /// Headers whose own comment says a channel was cut out while the initial values were kept: ECG_3's is the original
    /// ECG_3's (-57), its file holds ECG_4 (-66). WFDB uses initial values only for format 8, so only checksums are checked.
    /// </summary>
    private static readonly string[] WrongInitialValue = ["test01_00s_frame", "test01_00s_skewframe"];

    /// <summary>Multi-segment records, whose segments' checksums and initial values are checked where present.</summary>
    private static readonly string[] MultiSegment =
    [
        "multi-segment/fixed1/v102s", "multi-segment/041s/041s", "multi-segment/s00001/s00001-2896-10-10-00-31",
        "multi-segment/s00001/s00001-2896-10-09-01-56", "multi-segment/p000878/p000878-2137-10-26-16-57",
        "multi-segment/s25047/s25047-2704-05-04-10-44",
    ];

    /// <summary>Headers naming a feature not implemented yet, with the words the refusal must contain.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "flacformats", "FLAC-compressed signal format 508" },
        { "flac_3_constant", "FLAC-compressed signal format 508" },
        { "mixedsignals", "FLAC-compressed signal format" },
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
    [MemberData(nameof(FrameTargets))]
    public void Should_give_rdsamps_values_When_reading_frame_by_frame(
        string recordName, string target, bool physical, int[]? channels, int from, int? to)
    {
        // Given
        var record = WfdbRecord.Open(Path.Combine(SampleData, recordName));
        var expected = ReadTarget(target);
        var signals = channels ?? Enumerable.Range(0, record.Header.SignalCount).ToArray();

        // When
        var frames = record.ReadChunksAdc(1000).SelectMany(chunk => Enumerable.Range(0, chunk[0].Length)
            .Select(f => Array.ConvertAll(signals, s => chunk[s][f]))).ToList();

        // Then: the record ends where rdsamp stopped, the largest skew before the header's end
        Assert.Equal((to ?? frames.Count) - from, expected.Count);
        for (var i = 0; i < expected.Count; i++)
            for (var c = 0; c < signals.Length; c++)
            {
                var adc = frames[from + i][c];
                var where = $"{recordName} signal {signals[c]} frame {from + i}";
                AssertValue(expected[i][c], physical ? record.Header.Signals[signals[c]].ToPhysical(adc) : adc, where);
            }
    }

    [Theory]
    [MemberData(nameof(ExpandedTargets))]
    public void Should_give_rdsamp_H_values_When_reading_every_sample_of_each_signal(
        string recordName, string target, bool physical, int[]? channels)
    {
        // Given
        var record = WfdbRecord.OpenRecording(Path.Combine(SampleData, recordName));
        var expected = ReadTarget(target);
        var signals = channels ?? Enumerable.Range(0, record.Signals.Count).ToArray();
        var perFrame = Array.ConvertAll(signals, s => SamplesPerFrame(record, s));
        var highest = perFrame.Max();

        // When
        var values = Array.ConvertAll(signals, s => physical ? Array.ConvertAll(record.ReadSignal(s), v => (double)v) : ReadAdc(record, s));

        // Then: row j is high-resolution tick j; a signal with n samples per frame gives sample (j / highest) * n + (j % highest) * n / highest
        Assert.Equal(values.Min(v => v.Length / perFrame[Array.IndexOf(values, v)]) * highest, expected.Count);
        for (var j = 0; j < expected.Count; j++)
            for (var c = 0; c < signals.Length; c++)
            {
                var index = j / highest * perFrame[c] + j % highest * perFrame[c] / highest;
                AssertValue(expected[j][c], values[c][index], $"{recordName} signal {signals[c]} sample {index}");
            }
    }

    [Theory]
    [MemberData(nameof(SegmentTargets))]
    public void Should_give_rdsamps_values_When_reading_a_multi_segment_record(
        string recordName, string target, bool physical, int[]? channels, long from, int? invalidAs)
    {
        // Given
        var record = WfdbMultiSegmentRecord.Open(Path.Combine(SampleData, recordName));
        var expected = ReadTarget(target);
        var signals = channels ?? Enumerable.Range(0, record.Signals.Count).ToArray();

        // When
        double[][] values;
        try
        {
            values = Array.ConvertAll(signals, s => physical
                ? Array.ConvertAll(record.ReadSignalChunks(s, expected.Count, from).First(), v => (double)v)
                : Array.ConvertAll(record.ReadSignalAdcChunks(s, expected.Count, from).First(),
                    v => v == WfdbRecord.InvalidSample && invalidAs is { } replaced ? replaced : (double)v));
        }
        catch (DataFormatException e) when (AbsentSignalFiles.Any(f => e.Message.Contains(f, StringComparison.Ordinal)))
        {
            // Then (skipped): the segment's signal file is absent from the shared copy (SOURCE.md); say so, by name
            output.WriteLine($"skipped {recordName} -> {target}: {e.Message}");
            return;
        }

        // Then: NaN where no segment has the signal, as rdsamp's "-"
        for (var i = 0; i < expected.Count; i++)
            for (var c = 0; c < signals.Length; c++)
                AssertValue(expected[i][c], values[c][i], $"{recordName} signal {signals[c]} sample {from + i}");
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
                if (WrongInitialValue.Contains(name))
                    Assert.Equal(record.Header.Signals.Select(s => (int)(short)s.Checksum), record.ComputeChecksums());
                else
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

    [Fact]
    public void Should_read_the_same_file_later_or_faster_When_a_header_adds_skew_or_samples_per_frame()
    {
        // Given: headers over the files of 100 and test01_00s (SOURCE.md), which have no targets of their own
        var plain = WfdbRecord.Open(Path.Combine(SampleData, "100"));
        var skewed = WfdbRecord.Open(Path.Combine(SampleData, "100skew"));
        var four = WfdbRecord.Open(Path.Combine(SampleData, "test01_00s"));
        var framed = WfdbRecord.Open(Path.Combine(SampleData, "test01_00s_frame"));

        // When
        var v5 = plain.ReadSignalAdc(1);
        var v5Skewed = skewed.ReadSignalAdc(1);
        var ecg2And3 = framed.ReadSignalAdc(1);

        // Then: skew 3 reads V5 three frames later and ends the record there; x2 takes ECG 2 and ECG 3 as one signal
        Assert.Equal(v5[3..], v5Skewed);
        Assert.Equal(plain.SamplesPerSignal - 3, skewed.SamplesPerSignal);
        Assert.Equal(plain.ReadSignalAdc(0), skewed.ReadSignalAdc(0));
        Assert.Equal(1000, framed.Signals[1].SamplingFrequency);
        Assert.Equal(four.ReadSignalAdc(1).Zip(four.ReadSignalAdc(2), (a, b) => new[] { a, b }).SelectMany(p => p), ecg2And3);
        Assert.Equal(four.ReadSignalAdc(3), framed.ReadSignalAdc(2));
    }

    [Fact]
    public void Should_start_each_format_later_by_its_skew_When_the_skew_splits_its_byte_groups()
    {
        // Given: binformats' ten files (formats 8 to 32), signal i skewed by i + 1 frames, which splits the groups of
        // 212, 310 and 311 and needs format 8's running sum
        using var dir = new TemporaryFolder();
        foreach (var file in Directory.EnumerateFiles(SampleData, "binformats.d*")) File.Copy(file, dir.Combine(Path.GetFileName(file)));
        var plain = WfdbRecord.Open(Path.Combine(SampleData, "binformats"));
        var lines = File.ReadAllLines(Path.Combine(SampleData, "binformats.hea"));
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(' ');
            fields[1] += $":{i}";
            lines[i] = string.Join(' ', fields);
        }
        File.WriteAllLines(dir.Combine("binformats.hea"), lines);

        // When
        var skewed = WfdbRecord.Open(dir.Combine("binformats"));

        // Then
        for (var s = 0; s < plain.Header.SignalCount; s++) Assert.Equal(plain.ReadSignalAdc(s)[(s + 1)..], skewed.ReadSignalAdc(s));
        Assert.Equal(plain.SamplesPerSignal - 10, skewed.SamplesPerSignal);
        skewed.VerifyChecksums();
    }

    [Fact]
    public void Should_match_each_segments_checksums_When_the_record_has_several_segments()
    {
        // Given: every segment of the multi-segment records whose files are present
        var checkedSegments = 0;
        foreach (var name in MultiSegment)
        {
            var record = WfdbMultiSegmentRecord.Open(Path.Combine(SampleData, name));
            var folder = Path.GetDirectoryName(record.DescriptorFile)!;
            foreach (var header in record.Files().Where(f => f.EndsWith(".hea", StringComparison.Ordinal)).Skip(1))
            {
                try
                {
                    var segment = WfdbRecord.Open(header);

                    // When / Then
                    if (segment.Header.SamplesPerSignal > 0) segment.VerifyChecksums();
                    checkedSegments++;
                }
                catch (DataFormatException e) when (e.Message.Contains("file not found", StringComparison.Ordinal))
                {
                    output.WriteLine($"absent from sample-data/, not checked: {name} segment {Path.GetFileName(header)}");
                }
            }
            Assert.True(Directory.Exists(folder));
        }
        Assert.True(checkedSegments >= 20, $"only {checkedSegments} segments checked");
    }

    [Fact]
    public void Should_open_every_header_or_refuse_it_for_a_documented_reason_When_reading_the_conformance_data()
    {
        // Given: every header of wfdb-python and wfdb-c
        var root = Path.Combine(TestData.DataRoot, "wfdb-conformance");
        var headers = Directory.EnumerateFiles(root, "*.hea", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();

        foreach (var header in headers)
        {
            var name = Path.GetRelativePath(root, header);
            try
            {
                // When: opened, and the first samples of every signal read
                var record = WfdbRecord.OpenRecording(header);
                for (var s = 0; s < record.Signals.Count; s++) _ = record.ReadSignalChunks(s, 100).FirstOrDefault();
                // And: where a signal is labelled as an ECG lead, the default lead is one of those, never another channel
                if (record.Signals.Count > 1 && record.Signals.Any(s => EcgLeads.IsEcg(s.Description)))
                {
                    var lead = record.DefaultLead();
                    output.WriteLine($"default lead of {name}: {record.LeadLabel(lead)}");
                    if (!EcgLeads.IsEcg(record.Signals[lead].Description)) failures.Add($"{name}: default lead {record.LeadLabel(lead)}");
                }
            }
            catch (DataFormatException e) when (DocumentedRefusal(e.Message) is { } reason)
            {
                // Then: a documented refusal or an absent file, printed by name
                output.WriteLine($"{reason}: {name}: {e.Message}");
            }
            catch (DataFormatException e)
            {
                failures.Add($"{name}: {e.Message}");
            }
        }
        Assert.True(headers.Count > 50, $"only {headers.Count} headers found under {root}");
        Assert.Empty(failures);
    }

    private static string? DocumentedRefusal(string message) =>
        message.Contains("FLAC-compressed signal format", StringComparison.Ordinal) ? "refused (FLAC)"
        : message.Contains("file not found", StringComparison.Ordinal) ? "skipped (a file is absent)"
        : message.Contains("standard input", StringComparison.Ordinal) ? "refused (signals on standard input)"
        : message.Contains("is an absolute path", StringComparison.Ordinal) ? "refused (a device or file outside the folder)"
        : null;

    private static int SamplesPerFrame(EcgRecording record, int signal) => record switch
    {
        WfdbRecord single => single.Header.Signals[signal].SamplesPerFrame,
        WfdbMultiSegmentRecord multi => multi.SignalSpecs[signal].SamplesPerFrame,
        _ => 1,
    };

    private static double[] ReadAdc(EcgRecording record, int signal) => record switch
    {
        WfdbRecord single => Array.ConvertAll(single.ReadSignalAdc(signal), v => (double)v),
        WfdbMultiSegmentRecord multi => multi.ReadSignalAdcChunks(signal, 1 << 16).SelectMany(c => c).Select(v => (double)v).ToArray(),
        _ => throw new ArgumentException("not a WFDB record", nameof(record)),
    };

    private static void AssertValue(double expected, double actual, string where)
    {
        if (double.IsNaN(expected))
            Assert.True(double.IsNaN(actual), $"{where}: expected no value (-), decoded {actual}");
        else
            Assert.True(Math.Abs(actual - expected) <= 1e-6 + 1e-6 * Math.Abs(expected), $"{where}: expected {expected}, decoded {actual}");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Should_refuse_naming_the_feature_When_the_record_uses_one_not_implemented(string recordName, string feature)
    {
        // Given
        var path = Path.Combine(SampleData, recordName);

        // When
        var e = Assert.Throws<DataFormatException>(() => WfdbRecord.OpenRecording(path));

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
                t => t == "-" ? double.NaN : double.Parse(t, CultureInfo.InvariantCulture)));
        }
        return rows;
    }
}
