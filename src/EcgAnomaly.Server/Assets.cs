namespace EcgAnomaly.Server;

/// <summary>
/// The viewer's pages and scripts, embedded in the assembly: served by name from a fixed list, so nothing on disk is
/// served and no folder is ever listed.
/// </summary>
internal static class Assets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["viewer.html"] = "text/html; charset=utf-8",
        ["run.html"] = "text/html; charset=utf-8",
        ["viewer.js"] = "text/javascript; charset=utf-8",
        ["run.js"] = "text/javascript; charset=utf-8",
        ["site.css"] = "text/css; charset=utf-8",
        ["uPlot.iife.min.js"] = "text/javascript; charset=utf-8",
        ["uPlot.min.css"] = "text/css; charset=utf-8",
        ["uPlot.LICENSE"] = "text/plain; charset=utf-8",
    };

    /// <summary>The asset's bytes and content type; null for a name not on the list.</summary>
    public static (byte[] Content, string ContentType)? Find(string name)
    {
        if (!Types.TryGetValue(name, out var type)) return null;
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("wwwroot/" + name);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (copy.ToArray(), type);
    }
}
