namespace EcgAnomaly.IO;

/// <summary>An output folder that cannot be used: it exists and holds files, or it is a file. Nothing was written.</summary>
public sealed class OutputFolderException(string message) : IOException(message);
