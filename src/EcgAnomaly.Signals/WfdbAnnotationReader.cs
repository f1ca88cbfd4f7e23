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
        return WfdbMitAnnotationParser.Parse(File.ReadAllBytes(atrPath), atrPath);
    }
}
