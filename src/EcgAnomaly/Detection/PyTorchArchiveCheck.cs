using System.IO.Compression;

namespace EcgAnomaly.Detection;

/// <summary>
/// Bounds a PyTorch archive (.pt, a zip) by what the model needs before it is unpickled: a 2.3 MB file whose data.pkl
/// inflates to 1.5 GB took over 8 GB of memory in the unpickler. Every entry, and all of them together, may hold at
/// most <see cref="BytesPerParameter"/> bytes per parameter plus <see cref="FixedAllowance"/> for the pickle and the
/// archive's small records. Sizes are checked as declared and again as actually inflated (a declared size can lie).
/// </summary>
internal static class PyTorchArchiveCheck
{
    /// <summary>Twice a float64 per parameter: tensors saved in double precision, with room to spare.</summary>
    public const long BytesPerParameter = 16;

    /// <summary>For the pickle (names and shapes of the tensors) and the archive's version and byte-order records.</summary>
    public const long FixedAllowance = 4 << 20;

    /// <summary>The most bytes the archive of a model with <paramref name="parameters"/> parameters may hold.</summary>
    public static long Limit(long parameters) => parameters * BytesPerParameter + FixedAllowance;

    /// <exception cref="DataFormatException">The file or an entry is larger than the limit, or it is not a zip archive.</exception>
    public static void Check(string path, long parameters)
    {
        var limit = Limit(parameters);
        string Why() => $"the weights of a {parameters:N0}-parameter model take no more than {limit:N0} bytes";
        var length = new FileInfo(path).Length;
        if (length > limit) throw DataFormatException.Malformed(path, null, $"the file is {length:N0} bytes; {Why()}");
        try
        {
            using var zip = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read);
            long total = 0;
            var buffer = new byte[1 << 16];
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > limit)
                    throw DataFormatException.Malformed(
                        path, null, $"entry '{entry.FullName}' inflates to {entry.Length:N0} bytes; {Why()}");
                using var stream = entry.Open();
                long inflated = 0;
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (inflated > limit || total > limit)
                        throw DataFormatException.Malformed(path, null, $"entry '{entry.FullName}' inflates to more than {Why()}");
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw DataFormatException.Malformed(path, null, $"not a readable PyTorch state dict ({e.Message.Split('\n')[0]})");
        }
    }
}
