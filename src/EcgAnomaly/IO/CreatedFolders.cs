namespace EcgAnomaly.IO;

/// <summary>
/// Creates a folder and the missing folders above it, remembering which ones this call made, so that a command that
/// fails can take back exactly those (and only while they are empty), never a folder that was there before.
/// </summary>
internal sealed class CreatedFolders
{
    private readonly List<string> _created = [];

    private CreatedFolders()
    {
    }

    public static CreatedFolders Create(string folder)
    {
        var result = new CreatedFolders();
        var missing = new Stack<string>();
        for (var f = Path.GetFullPath(folder); f is not null && !Directory.Exists(f); f = Path.GetDirectoryName(f)) missing.Push(f);
        Directory.CreateDirectory(folder);
        // The deepest first, so that removing goes from the inside out.
        result._created.AddRange(missing.Reverse());
        return result;
    }

    /// <summary>Removes the folders this call created, the deepest first, while they are empty.</summary>
    public void RemoveIfEmpty()
    {
        foreach (var folder in _created)
        {
            try
            {
                if (!Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).Any()) return;
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                return; // Someone else put something there meanwhile: it stays.
            }
        }
        _created.Clear();
    }
}
