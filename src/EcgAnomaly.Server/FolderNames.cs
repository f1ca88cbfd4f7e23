using System.Text.RegularExpressions;

namespace EcgAnomaly.Server;

/// <summary>
/// What a request may name: a direct sub-folder of a served folder, by a name of letters, digits, '.', '_' and '-'
/// (not "." or ".."), so that no request reaches a file outside the folders the server was given.
/// </summary>
internal static partial class FolderNames
{
    public static bool IsName(string? name) => name is not null && name is not ("." or "..") && Pattern().IsMatch(name);

    /// <summary>The sub-folder <paramref name="name"/> of <paramref name="root"/>, or null when it is not one.</summary>
    public static string? Child(string root, string name)
    {
        if (!IsName(name)) return null;
        var full = Path.GetFullPath(Path.Combine(root, name));
        var parent = Path.GetDirectoryName(full);
        return string.Equals(parent, Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)
            && Directory.Exists(full) ? full : null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex Pattern();
}
