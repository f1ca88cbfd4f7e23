using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Signals;

/// <summary>Reads WFDB annotation files in MIT format (such as <c>100.atr</c>).</summary>
public static class WfdbAnnotationReader
{
    /// <exception cref="DataFormatException">The file is missing or truncated; the message names the byte offset.</exception>
    public static IReadOnlyList<WfdbAnnotation> Read(string atrPath)
    {
        ArgumentNullException.ThrowIfNull(atrPath);
        if (!File.Exists(atrPath)) throw DataFormatException.MissingFile(atrPath);
        // Read whole, so checked first: a FIFO would block and a file larger than any annotation file is not one.
        if (FileKind.NotRegular(atrPath) is { } kind)
            throw DataFormatException.Malformed(atrPath, null, $"is {kind}, not an annotation file");
        var length = new FileInfo(atrPath).Length;
        if (length > InputLimits.MaxAnnotationBytes)
            throw DataFormatException.Malformed(
                atrPath, null, $"is {length:N0} bytes; an annotation file may have no more than {InputLimits.MaxAnnotationBytes:N0}");
        return WfdbMitAnnotationParser.Parse(File.ReadAllBytes(atrPath), atrPath);
    }
}
