using System.Globalization;

namespace EcgAnomaly.Databases;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> ("K/N", K from 1): the items whose position in sorted order, taken
/// modulo N, is K - 1. The N shards are disjoint and together hold every item, and each computes its share alone, so a
/// batch system can start them with nothing but K (Slurm's array index, Kubernetes' completion index + 1).
/// </summary>
public sealed record ShardSelection
{
    /// <summary>The most shards a run may be split into; more than any database has records.</summary>
    public const int MaxCount = 100_000;

    private ShardSelection(int index, int count)
    {
        Index = index;
        Count = count;
    }

    /// <summary>Which shard, from 1 to <see cref="Count"/>.</summary>
    public int Index { get; }

    /// <summary>How many shards the run is split into.</summary>
    public int Count { get; }

    /// <summary>Reads "K/N" with 1 &lt;= K &lt;= N &lt;= <see cref="MaxCount"/>.</summary>
    /// <exception cref="FormatException">The text is not of that form; the message says what is expected.</exception>
    public static ShardSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new FormatException($"'{text}' is not K/N (for example 2/8: the second of eight shards)");
        if (count is < 1 or > MaxCount)
            throw new FormatException($"'{text}': the number of shards N must be between 1 and {MaxCount}");
        if (index < 1 || index > count)
            throw new FormatException($"'{text}': the shard K must be between 1 and N ({count}); shards are counted from 1");
        return new ShardSelection(index, count);
    }

    /// <summary>This shard's items of <paramref name="sorted"/>, which every shard must see in the same order.</summary>
    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var index = Index;
        var count = Count;
        return sorted.Where((_, i) => i % count == index - 1).ToArray();
    }

    /// <summary>"K/N".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
