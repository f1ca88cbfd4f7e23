using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace EcgAnomaly.Tests.Hostile;

/// <summary>Ways to spoil the files of a workspace: a run's model.json, its weights, a record's header, a checkpoint.</summary>
internal static class HostileFiles
{
    /// <summary>A copy of the trained run whose model.json <paramref name="edit"/> changed; the run folder.</summary>
    public static string RunWithManifest(HostileWorkspace workspace, Action<JsonObject> edit)
    {
        var run = workspace.Run();
        var path = Path.Combine(run, "model.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
        return run;
    }

    /// <summary>A copy of the trained run whose model.json is <paramref name="text"/>; the run folder.</summary>
    public static string RunWithManifestText(HostileWorkspace workspace, string text)
    {
        var run = workspace.Run();
        File.WriteAllText(Path.Combine(run, "model.json"), text);
        return run;
    }

    /// <summary>A copy of record mitdb/100 whose header's signal lines name <paramref name="signalFile"/>.</summary>
    public static string RecordNaming(HostileWorkspace workspace, string signalFile)
    {
        var record = workspace.Record("mitdb/100");
        var header = record + ".hea";
        File.WriteAllText(header, File.ReadAllText(header).Replace("100.dat ", signalFile + " ", StringComparison.Ordinal));
        return record;
    }

    /// <summary>A named pipe (mkfifo); reading it blocks until someone writes, which nobody does.</summary>
    public static string Fifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>
    /// A zip laid out like a PyTorch archive whose data.pkl inflates to <paramref name="inflatedBytes"/> zeros; written
    /// through a stream, so that neither the test nor the file is large (1.5 GB of zeros deflate to about 1.5 MB).
    /// </summary>
    public static void InflatingArchive(string path, long inflatedBytes)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        using (var version = new StreamWriter(zip.CreateEntry("archive/version").Open())) version.Write("3\n");
        using var pickle = zip.CreateEntry("archive/data.pkl", CompressionLevel.Optimal).Open();
        var zeros = new byte[1 << 20];
        for (long written = 0; written < inflatedBytes; written += zeros.Length)
            pickle.Write(zeros, 0, (int)Math.Min(zeros.Length, inflatedBytes - written));
    }

    /// <summary>
    /// A checkpoint state file (CheckpointStore's format 1) holding one tensor; <paramref name="tail"/> follows the
    /// tensor count, so a test can write a negative length or a corrupt name.
    /// </summary>
    public static byte[] Checkpoint(Action<BinaryWriter> tail)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes))
        {
            writer.Write(1);        // format version
            writer.Write(1);        // epoch
            writer.Write(1);        // best epoch
            writer.Write(1.0);      // best loss
            writer.Write(0);        // history entries
            writer.Write(1);        // tensors of the model state
            tail(writer);
        }
        return bytes.ToArray();
    }
}
