using EcgAnomaly.Signals;

namespace EcgAnomaly.Fuzz;

/// <summary>The EDF/EDF+ reader: the input is the whole <c>.edf</c> file; every signal, the timeline and the beat
/// annotations are read, as <c>detect-beats</c> and <c>record</c> would.</summary>
internal static class EdfTarget
{
    public static void Run(byte[] input, FuzzScratch scratch)
    {
        var recording = EdfRecording.Open(scratch.Write("r.edf", input));
        for (var s = 0; s < recording.Signals.Count; s++)
            foreach (var chunk in recording.ReadSignalChunks(s, 4096)) _ = chunk.Length;
        recording.ReadTimeline();
        if (recording.Signals.Count > 0) recording.ReadAnnotations(0);
    }

    /// <summary>EDF+ files made by the project's writer from small WFDB records: one and two signals, with and without
    /// beat annotations in the annotation signal.</summary>
    public static IEnumerable<byte[]> Seeds()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ecganomaly-edf-seeds-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        try
        {
            yield return Seed(folder, "one", 1, 10, null);
            yield return Seed(folder, "two", 2, 20, [new EdfAnnotation(0.5, null, "N"), new EdfAnnotation(1.25, 0.5, "V")]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static byte[] Seed(string folder, string name, int signals, int frequency, EdfAnnotation[]? annotations)
    {
        var record = Path.Combine(folder, name);
        var specs = Enumerable.Range(0, signals)
            .Select(s => new WfdbSignalSpec(name + ".dat", 16, 200, 0, "mV", 16, 0, 0, 0, 0, s == 0 ? "MLII" : "V5"))
            .ToArray();
        var frames = Enumerable.Range(0, 2 * frequency).Select(t => Enumerable.Range(0, signals).Select(s => (t * 37 + s) % 400 - 200));
        WfdbWriter.Write(record, 16, frequency, specs, [frames.SelectMany(f => f).ToArray()]);
        var edf = record + ".edf";
        EdfWriter.Write(edf, WfdbRecord.Open(record), annotations: annotations);
        return File.ReadAllBytes(edf);
    }
}
