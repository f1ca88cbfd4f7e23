namespace EcgAnomaly.Databases;

/// <summary>
/// The annotated records of a database folder as PhysioNet lays them out: the names its RECORDS file lists, or, without
/// one, every header (.hea) that has a reference annotation file beside it. Names are sorted ordinally, so that every
/// shard of a run sees the same order whatever the file system lists first.
/// </summary>
public static class DatabaseRecords
{
    /// <summary>PhysioNet's list of a database's records, one name (or relative path) per line.</summary>
    public const string RecordsFile = "RECORDS";

    /// <summary>The record names of <paramref name="folder"/>, sorted ordinally.</summary>
    /// <param name="folder">The database folder.</param>
    /// <param name="annotator">The reference annotation's extension, which makes a header without RECORDS count.</param>
    /// <exception cref="DataFormatException">The folder does not exist, or holds no annotated record.</exception>
    public static IReadOnlyList<string> List(string folder, string annotator = "atr")
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw DataFormatException.Malformed(folder, null, "database folder not found");
        var list = Path.Combine(folder, RecordsFile);
        var names = File.Exists(list)
            ? File.ReadAllLines(list).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            : Directory.EnumerateFiles(folder, "*.hea")
                .Where(h => File.Exists(Path.ChangeExtension(h, annotator)))
                .Select(h => Path.GetFileNameWithoutExtension(h));
        var sorted = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (sorted.Length == 0)
        {
            throw DataFormatException.Malformed(
                folder, null, $"no annotated record: no {RecordsFile} file and no .hea with a .{annotator}");
        }
        return sorted;
    }

    /// <summary>
    /// The names of <paramref name="available"/> that <paramref name="requestedRecords"/> (comma-separated) names, in
    /// <paramref name="available"/>'s order; all of them when <paramref name="requestedRecords"/> is null.
    /// </summary>
    /// <exception cref="ArgumentException">A requested name is not one of the database's records.</exception>
    public static IReadOnlyList<string> Choose(IReadOnlyList<string> available, string? requestedRecords)
    {
        ArgumentNullException.ThrowIfNull(available);
        if (requestedRecords is null) return available;
        var wanted = requestedRecords.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);
        var unknown = wanted.Where(w => !available.Contains(w, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException(
                $"no annotated record {string.Join(", ", unknown)} in the database (it has {available.Count}: "
                + $"{string.Join(", ", available.Take(10))}{(available.Count > 10 ? ", ..." : "")})", nameof(requestedRecords));
        if (wanted.Count == 0) throw new ArgumentException("the list of records is empty", nameof(requestedRecords));
        return available.Where(wanted.Contains).ToArray();
    }
}
