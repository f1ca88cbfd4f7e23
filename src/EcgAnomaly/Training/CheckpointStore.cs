namespace EcgAnomaly.Training;

/// <summary>
/// Per-epoch checkpoints in a folder: the model, the best weights so far, the history, Torch's random state and the
/// optimizer state. A checkpoint is written whole into <c>next/</c> and then swapped for <c>current/</c>, so a run
/// killed at any moment finds a complete checkpoint (at worst the previous one) and loses at most one epoch.
/// </summary>
internal static class CheckpointStore
{
    private const int FormatVersion = 1;
    private const string StateFile = "state.bin";
    private const string OptimizerFile = "optimizer.bin";

    /// <summary>Beside the checkpoints: the settings the run was started with, one "name=value" a line.</summary>
    private const string SettingsFile = "settings.txt";

    /// <summary>The folders a finished checkpoint can be in, the newer first.</summary>
    private static readonly string[] CheckpointSlots = ["current", "previous"];

    public static void Save(string folder, CheckpointData data, Action<string> saveOptimizer)
    {
        var current = Path.Combine(folder, "current");
        var next = Path.Combine(folder, "next");
        var previous = Path.Combine(folder, "previous");
        if (Directory.Exists(next)) Directory.Delete(next, recursive: true);
        Directory.CreateDirectory(next);
        using (var writer = new BinaryWriter(File.Create(Path.Combine(next, StateFile))))
            Write(writer, data);
        saveOptimizer(Path.Combine(next, OptimizerFile));
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        if (Directory.Exists(current)) Directory.Move(current, previous);
        Directory.Move(next, current);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
    }

    /// <summary>
    /// Refuses to continue a checkpoint made with other settings (epochs, protocol, seed, engine...): resuming it would
    /// silently mix two runs. A folder without a finished epoch has nothing to mix and is not checked.
    /// </summary>
    /// <exception cref="DataFormatException">The checkpoint's settings differ, or it does not say what they were.</exception>
    public static void CheckSettings(string folder, IReadOnlyDictionary<string, string> settings)
    {
        if (LastEpoch(folder) == 0) return;
        var file = Path.Combine(folder, SettingsFile);
        if (!File.Exists(file))
            throw DataFormatException.Malformed(folder, null,
                "this checkpoint does not say which settings made it (an older version); delete the folder to start this run over");
        var saved = File.ReadLines(file)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var differences = settings.Keys.Union(saved.Keys)
            .Where(k => saved.GetValueOrDefault(k) != settings.GetValueOrDefault(k))
            .Select(k => $"{k} {saved.GetValueOrDefault(k) ?? "(none)"}, now {settings.GetValueOrDefault(k) ?? "(none)"}")
            .ToList();
        if (differences.Count > 0)
            throw DataFormatException.Malformed(folder, null,
                $"this checkpoint was made with other settings ({string.Join("; ", differences)}); "
                + "run again with the same options, or delete the folder to start this run over");
    }

    /// <summary>Records the settings a run starts with (checked by <see cref="CheckSettings"/> when it resumes).</summary>
    public static void WriteSettings(string folder, IReadOnlyDictionary<string, string> settings)
    {
        Directory.CreateDirectory(folder);
        IO.AtomicFile.WriteAllText(
            Path.Combine(folder, SettingsFile), string.Concat(settings.Select(kv => $"{kv.Key}={kv.Value}\n")));
    }

    /// <summary>The last finished epoch recorded in the folder's checkpoint, or 0 when there is none (reads only the header).</summary>
    public static int LastEpoch(string folder)
    {
        var chosen = CheckpointSlots.Select(n => Path.Combine(folder, n, StateFile)).FirstOrDefault(File.Exists);
        if (chosen is null) return 0;
        using var reader = new BinaryReader(File.OpenRead(chosen));
        return reader.ReadInt32() == FormatVersion ? reader.ReadInt32() : 0;
    }

    /// <summary>The newest complete checkpoint, or null when there is none.</summary>
    /// <exception cref="DataFormatException">A checkpoint exists but cannot be read.</exception>
    public static CheckpointData? TryLoad(string folder, Action<string> loadOptimizer)
    {
        // 'previous' exists alone only when a run died between the two renames of Save.
        var chosen = CheckpointSlots.Select(n => Path.Combine(folder, n)).FirstOrDefault(d => File.Exists(Path.Combine(d, StateFile)));
        if (chosen is null) return null;
        var stateFile = Path.Combine(chosen, StateFile);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(stateFile));
            var data = Read(reader);
            loadOptimizer(Path.Combine(chosen, OptimizerFile));
            return data;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or InvalidDataException or FormatException)
        {
            throw DataFormatException.Malformed(
                stateFile, null, $"checkpoint cannot be read ({e.Message}); delete the folder to start this run again");
        }
    }

    private static void Write(BinaryWriter w, CheckpointData d)
    {
        w.Write(FormatVersion);
        w.Write(d.Epoch);
        w.Write(d.BestEpoch);
        w.Write(d.BestLoss);
        w.Write(d.History.Count);
        foreach (var h in d.History)
        {
            w.Write(h.Epoch);
            w.Write(h.TrainLoss);
            w.Write(h.ValidationLoss);
            w.Write(h.Seconds);
        }
        WriteState(w, d.Model);
        WriteState(w, d.Best);
        w.Write(d.RandomState.Length);
        w.Write(d.RandomState);
    }

    private static CheckpointData Read(BinaryReader r)
    {
        var version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"unknown checkpoint format {version}");
        var epoch = r.ReadInt32();
        var bestEpoch = r.ReadInt32();
        var bestLoss = r.ReadDouble();
        var history = new List<EpochRecord>();
        for (var i = Count(r, 1_000_000, "epochs of history"); i > 0; i--)
            history.Add(new EpochRecord(r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble()));
        var model = ReadState(r);
        var best = ReadState(r);
        var random = r.ReadBytes(Count(r, 1 << 20, "bytes of random state"));
        return new CheckpointData(epoch, history, bestEpoch, bestLoss, model, best, random);
    }

    /// <summary>A count read from the file, checked before anything is allocated for it (a corrupt one can be negative).</summary>
    private static int Count(BinaryReader r, int max, string what)
    {
        var count = r.ReadInt32();
        if (count < 0 || count > max) throw new InvalidDataException($"{count} {what}, expected 0 to {max}");
        return count;
    }

    private static void WriteState(BinaryWriter w, IReadOnlyDictionary<string, float[]> state)
    {
        w.Write(state.Count);
        foreach (var (key, values) in state)
        {
            w.Write(key);
            w.Write(values.Length);
            foreach (var v in values) w.Write(v);
        }
    }

    private static Dictionary<string, float[]> ReadState(BinaryReader r)
    {
        var state = new Dictionary<string, float[]>();
        for (var i = Count(r, 100_000, "tensors"); i > 0; i--)
        {
            var key = r.ReadString();
            var values = new float[Count(r, (int)Models.ModelLimits.MaxParameters, $"values in tensor '{key}'")];
            for (var j = 0; j < values.Length; j++) values[j] = r.ReadSingle();
            state[key] = values;
        }
        return state;
    }
}
