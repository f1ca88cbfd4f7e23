using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>The code tables against WFDB's ecgcodes.h and the AAMI EC57 grouping.</summary>
public sealed class WfdbAnnotationCodesTest
{
    [Theory]
    [InlineData(0, " ")]
    [InlineData(1, "N")]
    [InlineData(5, "V")]
    [InlineData(8, "A")]
    [InlineData(12, "/")]
    [InlineData(14, "~")]
    [InlineData(15, "[15]")]
    [InlineData(16, "|")]
    [InlineData(22, "\"")]
    [InlineData(28, "+")]
    [InlineData(41, "r")]
    [InlineData(42, "[42]")]
    [InlineData(60, "[60]")]
    [InlineData(-1, "[-1]")]
    public void Should_give_the_wfdb_mnemonic_When_asked_for_a_code_symbol(int code, string symbol)
    {
        Assert.Equal(symbol, AnnotationCodes.Symbol(code));
    }

    [Fact]
    public void Should_class_exactly_the_wfdb_qrs_codes_as_beats_When_checking_every_code()
    {
        // When
        var beats = Enumerable.Range(-1, 66).Where(AnnotationCodes.IsBeat);

        // Then
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 25, 30, 34, 35, 38, 41], beats);
    }

    [Fact]
    public void Should_group_beat_symbols_into_the_aami_classes_When_mapping_every_code()
    {
        // When
        var groups = Enumerable.Range(0, 64)
            .Where(c => AnnotationCodes.ToAami(c) is not null)
            .GroupBy(c => AnnotationCodes.ToAami(c)!.Value)
            .ToDictionary(g => g.Key, g => string.Concat(g.Select(AnnotationCodes.Symbol).Order(StringComparer.Ordinal)));

        // Then: every beat has a class, and nothing else has one
        Assert.Equal("BLNRej", groups[AamiClass.N]);
        Assert.Equal("AJSan", groups[AamiClass.S]);
        Assert.Equal("EVr", groups[AamiClass.V]);
        Assert.Equal("F", groups[AamiClass.F]);
        Assert.Equal("/?Qf", groups[AamiClass.Q]);
        Assert.All(Enumerable.Range(0, 64), c => Assert.Equal(AnnotationCodes.IsBeat(c), AnnotationCodes.ToAami(c) is not null));
    }

    [Fact]
    public void Should_expose_beat_and_aami_class_When_reading_an_annotation()
    {
        var pvc = new WfdbAnnotation(100, 5, "V", 0, 0, 0, null);
        var rhythm = new WfdbAnnotation(0, 28, "+", 0, 0, 0, "(N");

        Assert.Equal((true, AamiClass.V), (pvc.IsBeat, pvc.Aami));
        Assert.Equal((false, null), (rhythm.IsBeat, rhythm.Aami));
    }
}
