namespace EcgAnomaly.IO;

/// <summary>
/// An output path that cannot be used: it is, holds or lies inside one of the command's inputs, or it cannot be
/// written as a file (it is a folder, its parent is a file, the folder is not writable). Nothing was written.
/// </summary>
public sealed class OutputPathException(string message) : IOException(message);
