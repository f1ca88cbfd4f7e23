namespace EcgAnomaly.Signals.Internal;

/// <summary>Re-cuts a stream of arrays of any lengths into arrays of one length, as the readers' contracts promise.</summary>
internal static class Chunks
{
    /// <summary>
    /// The elements of <paramref name="pieces"/> after the first <paramref name="skip"/>, in arrays of
    /// <paramref name="size"/> (the last may be shorter); at most one output array and one input piece are held.
    /// </summary>
    public static IEnumerable<T[]> Recut<T>(IEnumerable<T[]> pieces, int size, long skip = 0)
    {
        var pending = new T[size];
        var filled = 0;
        foreach (var piece in pieces)
        {
            var from = (int)Math.Min(skip, piece.Length);
            skip -= from;
            if (from == 0 && filled == 0 && piece.Length == size)
            {
                // Already the right length: passed on, not copied.
                yield return piece;
                continue;
            }
            while (from < piece.Length)
            {
                var n = Math.Min(size - filled, piece.Length - from);
                Array.Copy(piece, from, pending, filled, n);
                filled += n;
                from += n;
                if (filled < size) continue;
                yield return pending;
                pending = new T[size];
                filled = 0;
            }
        }
        if (filled > 0) yield return pending[..filled];
    }
}
