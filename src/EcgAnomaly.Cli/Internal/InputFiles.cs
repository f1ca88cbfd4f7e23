namespace EcgAnomaly.Cli.Internal;

/// <summary>
/// What a command reads, for <see cref="IO.OutputPaths.EnsureApart"/>: a run folder is read file by file, so an
/// output may go beside its files (runs/lstm32/scores.csv) but never over one of them.
/// </summary>
internal static class InputFiles
{
    public static IEnumerable<string> OfRunFolder(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder) : [folder];
}
