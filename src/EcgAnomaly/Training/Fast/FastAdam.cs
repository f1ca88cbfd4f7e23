namespace EcgAnomaly.Training.Fast;

/// <summary>Adam exactly as torch.optim.Adam computes it by default (betas 0.9/0.999, eps 1e-8, no weight decay).</summary>
internal sealed class FastAdam(double learningRate)
{
    /// <summary>The rate of the next steps (a schedule changes it between epochs).</summary>
    public double LearningRate { get; set; } = learningRate;

    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const float Epsilon = 1e-8f;
    private readonly Dictionary<PinnedBuffer, (float[] M, float[] V)> _state = [];
    private int _step;

    /// <summary>Call once per optimisation step, before <see cref="Update"/> for each parameter.</summary>
    public void BeginStep() => _step++;

    /// <summary>Writes the step count and both moments of every parameter, in the order given.</summary>
    public void Save(string path, IReadOnlyList<PinnedBuffer> parameters)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(_step);
        foreach (var p in parameters)
        {
            var (m, v) = _state.TryGetValue(p, out var s) ? s : (new float[p.Length], new float[p.Length]);
            writer.Write(p.Length);
            foreach (var x in m) writer.Write(x);
            foreach (var x in v) writer.Write(x);
        }
    }

    public void Load(string path, IReadOnlyList<PinnedBuffer> parameters)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        _step = reader.ReadInt32();
        foreach (var p in parameters)
        {
            var length = reader.ReadInt32();
            if (length != p.Length) throw new InvalidDataException($"optimizer state holds {length} values for a parameter of {p.Length}");
            var m = new float[length];
            var v = new float[length];
            for (var i = 0; i < length; i++) m[i] = reader.ReadSingle();
            for (var i = 0; i < length; i++) v[i] = reader.ReadSingle();
            _state[p] = (m, v);
        }
    }

    public void Update(PinnedBuffer parameter, PinnedBuffer gradient)
    {
        if (!_state.TryGetValue(parameter, out var moments))
        {
            moments = (new float[parameter.Length], new float[parameter.Length]);
            _state[parameter] = moments;
        }
        var stepSize = (float)(LearningRate / (1 - Math.Pow(Beta1, _step)));
        var correction2 = (float)Math.Sqrt(1 - Math.Pow(Beta2, _step));
        var (m, v) = moments;
        var p = parameter.Array;
        var g = gradient.Array;
        for (var i = 0; i < parameter.Length; i++)
        {
            m[i] += (g[i] - m[i]) * (float)(1 - Beta1);
            v[i] = v[i] * (float)Beta2 + g[i] * g[i] * (float)(1 - Beta2);
            p[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) / correction2 + Epsilon);
        }
    }
}
