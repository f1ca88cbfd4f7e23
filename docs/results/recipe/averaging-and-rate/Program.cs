using TorchSharp;
using EcgAnomaly.Data;
using EcgAnomaly.Evaluation;
using EcgAnomaly.Models;
using EcgAnomaly.Training;
using static TorchSharp.torch;

var protocol = args[0] == "official" ? EvaluationProtocol.Official : EvaluationProtocol.Seed;
var seed = int.Parse(args[1]);
var schedule = Enum.Parse<LearningRateSchedule>(args[2], true);
torch.set_num_threads(int.Parse(args[3]));
var data = Ecg5000.Load(Path.Combine(Environment.GetEnvironmentVariable("ECG_ANOMALY_DATA") ?? "../shared/data", "ECG5000"));
var split = DataSplit.FromEcg5000(data, protocol, seed);
var spec = ModelFamilies.Create("lstm", new ModelSizes(EmbeddingSize: 32));
manual_seed(seed);
var model = spec.Build();
var snaps = new List<Dictionary<string, float[]>>();
var obs = new Obs(model, snaps);
var opts = new TrainingOptions { Seed = seed, Schedule = schedule, Epochs = args.Length > 4 ? int.Parse(args[4]) : 150, LearningRate = args.Length > 5 ? double.Parse(args[5]) : 1e-3, BatchSize = args.Length > 6 ? int.Parse(args[6]) : 32 };
using var result = Trainer.Train(model, split.Train, split.Validation, opts, obs);
var binary = split.TestBinaryLabels();
double Auc(Dictionary<string, float[]> st, out double val)
{
    using (no_grad())
        foreach (var (k, t) in model.state_dict()) { using var s = tensor(st[k], t.shape); t.copy_(s); }
    val = ReconstructionScorer.Score(model, split.Validation).Average();
    return protocol == EvaluationProtocol.Seed ? double.NaN : RankingMetrics.RocAuc(ReconstructionScorer.Score(model, split.Test), binary);
}
Dictionary<string, float[]> Mean(IEnumerable<Dictionary<string, float[]>> xs)
{
    var list = xs.ToList();
    return list[0].Keys.ToDictionary(k => k, k => { var a = new float[list[0][k].Length]; foreach (var x in list) for (var i = 0; i < a.Length; i++) a[i] += x[k][i] / list.Count; return a; });
}
Dictionary<string, float[]> Ema(double decay, int from)
{
    var e = snaps[from - 1].ToDictionary(kv => kv.Key, kv => (float[])kv.Value.Clone());
    for (var i = from; i < snaps.Count; i++) foreach (var k in e.Keys) for (var j = 0; j < e[k].Length; j++) e[k][j] = (float)(decay * e[k][j] + (1 - decay) * snaps[i][k][j]);
    return e;
}
var lines = new List<string>();
void Report(string name, Dictionary<string, float[]> st) { var a = Auc(st, out var v); lines.Add($"{args[0]}\t{seed}\t{args[2]}\t{opts.LearningRate}\t{opts.BatchSize}\t{name}\t{a:F4}\t{v:F3}"); }
var n = snaps.Count;
Report("last", snaps[n - 1]);
Report("best", snaps[result.BestEpoch - 1]);
foreach (var w in new[] { 10, 20, 30 }.Where(w => w <= snaps.Count)) Report($"swa{w}", Mean(snaps.Skip(n - w)));
foreach (var d in new[] { 0.9 }) Report($"ema{d}", Ema(d, 1));
File.AppendAllLines("results.tsv", lines);
foreach (var l in lines) Console.WriteLine(l);

sealed class Obs(nn.Module<Tensor, Tensor> model, List<Dictionary<string, float[]>> snaps) : ITrainingObserver
{
    public void OnEpochStarted(int epoch, int epochs, int batches) { }
    public void OnBatchCompleted(int epoch, int batch, int batches) { }
    public void OnEpochCompleted(EpochRecord r, int epochs)
    {
        snaps.Add(model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().cpu().contiguous().data<float>().ToArray()));
        if (r.Epoch % 25 == 0) Console.Error.WriteLine($"epoch {r.Epoch} {r.TrainLoss:F3} {r.ValidationLoss:F3} {r.Seconds:F2}s");
    }
}
