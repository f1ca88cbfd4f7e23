using EcgAnomaly.Databases;
using EcgAnomaly.Tests.Cli;

namespace EcgAnomaly.Tests.Databases;

/// <summary>--shard K/N: shards that are disjoint and cover every record, and one line for a value that is not K/N.</summary>
public sealed class ShardOptionTest
{
    [Theory]
    [InlineData("0/3", "shards are counted from 1")]
    [InlineData("4/3", "the shard K must be between 1 and N (3)")]
    [InlineData("1/0", "the number of shards N must be between 1")]
    [InlineData("3", "'3' is not K/N")]
    [InlineData("a/b", "'a/b' is not K/N")]
    [InlineData("-1/3", "'-1/3' is not K/N")]
    [InlineData("1/2/3", "'1/2/3' is not K/N")]
    public void Should_exit_2_with_one_line_When_the_shard_is_not_K_of_N(string shard, string expected)
    {
        using var dir = new TemporaryFolder();
        var mitdb = Path.Combine(TestData.DataRoot, "raw-ecg", "mitdb");
        var (code, _, error) = CliRunner.Run("evaluate-database", "--database", mitdb, "--shard", shard, "--out", dir.Combine("out"));
        BadInputTest.AssertOneLineError(code, error, expected);
        Assert.Contains("--shard: ", error);
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Should_give_every_item_to_exactly_one_shard_When_splitting_into_N()
    {
        // Given
        var items = Enumerable.Range(0, 23).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        // When
        var shards = Enumerable.Range(1, 5).Select(k => ShardSelection.Parse($"{k}/5").Select(items)).ToArray();

        // Then
        Assert.Equal(items, shards.SelectMany(s => s).Order());
        Assert.Equal(["000", "005", "010", "015", "020"], shards[0]);
        Assert.All(shards, s => Assert.InRange(s.Count, 4, 5));
    }
}
