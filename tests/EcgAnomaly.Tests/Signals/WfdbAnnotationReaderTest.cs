using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

public sealed class WfdbAnnotationReaderTest
{
    private const int Skip = 59, Num = 60, Sub = 61, Chn = 62, Aux = 63;

    [Fact]
    public void Should_count_the_published_beats_When_reading_mitdb_100()
    {
        // Given: counts from raw-ecg/SOURCE.md (PhysioNet's mitdb tables)
        var file = RawEcg.Record("mitdb/100") + ".atr";

        // When
        var annotations = WfdbAnnotationReader.Read(file);

        // Then
        var beats = annotations.Where(a => a.IsBeat).ToList();
        Assert.Equal(2273, beats.Count);
        Assert.Equal([("A", 33), ("N", 2239), ("V", 1)], SymbolCounts(beats));
        Assert.Equal([(AamiClass.N, 2239), (AamiClass.S, 33), (AamiClass.V, 1)], AamiCounts(beats));
        var rhythm = Assert.Single(annotations, a => !a.IsBeat);
        Assert.Equal(("+", 28, "(N"), (rhythm.Symbol, rhythm.Code, rhythm.Aux));
        Assert.All(beats, b => Assert.Null(b.Aux));
        Assert.True(annotations.Zip(annotations.Skip(1)).All(p => p.First.Sample <= p.Second.Sample), "annotations are in time order");
        Assert.InRange(annotations[^1].Sample, 0, 649_999);
    }

    [Fact]
    public void Should_count_the_beats_and_other_annotations_When_reading_svdb_800()
    {
        var annotations = WfdbAnnotationReader.Read(RawEcg.Record("svdb/800") + ".atr");

        var beats = annotations.Where(a => a.IsBeat).ToList();
        Assert.Equal(1883, beats.Count);
        Assert.Equal([("F", 1), ("N", 1846), ("S", 30), ("V", 6)], SymbolCounts(beats));
        Assert.Equal([(AamiClass.N, 1846), (AamiClass.S, 30), (AamiClass.V, 6), (AamiClass.F, 1)], AamiCounts(beats));
        Assert.Equal([("|", 10), ("~", 28)], SymbolCounts(annotations.Where(a => !a.IsBeat)));
        Assert.InRange(annotations[^1].Sample, 0, 230_399);
    }

    [Fact]
    public void Should_apply_skip_num_sub_chn_and_aux_the_way_wfdb_does_When_reading_pseudo_annotation_words()
    {
        // Given: N at 10 with SUB 3, CHN 1, NUM 7 and an odd-length AUX; a SKIP of 100000 (over 16 bits, high word
        // first); V 5 later, which inherits CHN and NUM but not SUB or AUX; NUM 8 changes only A; then the end word
        // and bytes after it that must be ignored.
        using var dir = new TemporaryFolder();
        var file = dir.Combine("r.atr");
        File.WriteAllBytes(file, [
            .. Word(1, 10), .. Word(Sub, 3), .. Word(Chn, 1), .. Word(Num, 7), .. Word(Aux, 3), (byte)'(', (byte)'A', (byte)'B', 0,
            .. Word(Skip, 0), 0x01, 0x00, 0xA0, 0x86,
            .. Word(5, 5),
            .. Word(8, 1023), .. Word(Num, 8),
            .. Word(28, 0), .. Word(Aux, 2), (byte)'(', (byte)'N',
            0, 0, 0xFF, 0xFF, 0xFF]);

        // When
        var annotations = WfdbAnnotationReader.Read(file);

        // Then
        Assert.Equal(
            [
                new WfdbAnnotation(10, 1, "N", 3, 1, 7, "(AB"),
                new WfdbAnnotation(100_015, 5, "V", 0, 1, 7, null),
                new WfdbAnnotation(101_038, 8, "A", 0, 1, 8, null),
                new WfdbAnnotation(101_038, 28, "+", 0, 1, 8, "(N"),
            ],
            annotations);
    }

    [Fact]
    public void Should_read_to_the_end_of_the_file_When_the_end_word_is_missing()
    {
        using var dir = new TemporaryFolder();
        var file = dir.Combine("r.atr");
        File.WriteAllBytes(file, [.. Word(Chn, 2), .. Word(1, 4), .. Word(1, 4)]);

        var annotations = WfdbAnnotationReader.Read(file);

        Assert.Equal([4L, 8L], annotations.Select(a => a.Sample));
        Assert.All(annotations, a => Assert.Equal(2, a.Channel));
    }

    public static TheoryData<byte[], string> TruncatedFiles => new()
    {
        { [.. Word(1, 10), 0x05], "byte 2: truncated: a lone byte where a 16-bit word was expected" },
        {
            [.. Word(1, 10), .. Word(Aux, 5), (byte)'a', (byte)'b'],
            "byte 2: truncated: AUX announces 5 bytes of text (padded to 6), 2 bytes remain"
        },
        { [.. Word(1, 10), .. Word(Aux, 1), (byte)'a'], "byte 2: truncated: AUX announces 1 bytes of text (padded to 2), 1 bytes remain" },
        { [.. Word(1, 10), .. Word(Skip, 0), 0x01, 0x00], "byte 2: truncated: SKIP needs a 4-byte interval, 2 bytes remain" },
        { [.. Word(Sub, 1), .. Word(1, 10)], "byte 0: SUB word before the first annotation" },
        { [.. Word(Aux, 2), (byte)'x', (byte)'y'], "byte 0: AUX word before the first annotation" },
    };

    [Theory]
    [MemberData(nameof(TruncatedFiles))]
    public void Should_name_the_file_and_byte_When_the_annotation_file_is_malformed(byte[] bytes, string problem)
    {
        // Given
        using var dir = new TemporaryFolder();
        var file = dir.Combine("bad.atr");
        File.WriteAllBytes(file, bytes);

        // When
        var error = Assert.Throws<DataFormatException>(() => WfdbAnnotationReader.Read(file));

        // Then
        Assert.Equal($"{file}: {problem}", error.Message);
    }

    [Fact]
    public void Should_throw_missing_file_When_the_annotation_file_does_not_exist()
    {
        using var dir = new TemporaryFolder();

        var error = Assert.Throws<DataFormatException>(() => WfdbAnnotationReader.Read(dir.Combine("r.atr")));

        Assert.Equal(dir.Combine("r.atr") + ": file not found", error.Message);
    }

    private static byte[] Word(int code, int data)
    {
        var word = code << 10 | data;
        return [(byte)word, (byte)(word >> 8)];
    }

    private static (string, int)[] SymbolCounts(IEnumerable<WfdbAnnotation> annotations) =>
        annotations.GroupBy(a => a.Symbol).Select(g => (g.Key, g.Count())).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();

    private static (AamiClass, int)[] AamiCounts(IEnumerable<WfdbAnnotation> beats) =>
        beats.GroupBy(a => a.Aami!.Value).Select(g => (g.Key, g.Count())).OrderBy(p => p.Key).ToArray();
}
