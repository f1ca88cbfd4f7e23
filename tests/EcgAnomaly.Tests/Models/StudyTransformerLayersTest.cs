using System.Text.Json;
using EcgAnomaly.Models;
using EcgAnomaly.Models.Study;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgAnomaly.Tests.Models;

/// <summary>
/// The study's Transformer layers are written out here (for a cheaper dropout), so they are checked against PyTorch:
/// expected outputs and gradients from Fixtures/make_pytorch_transformer_fixture.py (Debian python3-torch).
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class StudyTransformerLayersTest
{
    [Fact]
    public void Should_match_pytorch_outputs_and_gradients_When_given_pytorch_weights()
    {
        // Given
        using var doc = JsonDocument.Parse(File.ReadAllText(TestData.Fixture("pytorch_transformer_eval.json")));
        var root = doc.RootElement;
        var c = root.GetProperty("config").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        using var model = ModelSpec.Transformer(c[0], c[1], c[2], c[3]).Build();
        var state = root.GetProperty("state");
        using (no_grad())
        {
            foreach (var (key, tensor) in model.state_dict())
            {
                var values = state.GetProperty(key).GetProperty("values").EnumerateArray().Select(v => v.GetSingle()).ToArray();
                tensor.copy_(torch.tensor(values, tensor.shape));
            }
        }
        model.eval();
        using var input = torch.tensor(Rows(root.GetProperty("input")), [3, 140]);

        // When
        using var output = model.call(input);
        using var loss = (output - input).abs().sum();
        loss.backward();

        // Then
        var expected = Rows(root.GetProperty("output"));
        var actual = output.detach().data<float>().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-4f);
        var grads = root.GetProperty("grads");
        foreach (var (name, parameter) in model.named_parameters())
        {
            var want = grads.GetProperty(name).EnumerateArray().Select(v => v.GetSingle()).ToArray();
            var got = parameter.grad!.data<float>().ToArray();
            Assert.True(want.Length == got.Length, $"{name}: {got.Length} gradient values, PyTorch has {want.Length}");
            var scale = Math.Max(1f, want.Max(MathF.Abs));
            for (var i = 0; i < want.Length; i++)
                Assert.True(MathF.Abs(want[i] - got[i]) <= 1e-4f * scale, $"{name}[{i}]: {got[i]} vs PyTorch {want[i]}");
        }
    }

    [Fact]
    public void Should_start_every_layer_from_the_same_weights_When_built_like_pytorch()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestData.Fixture("pytorch_transformer_eval.json")));
        Assert.True(doc.RootElement.GetProperty("layers_start_identical").GetBoolean());
        using var model = ModelSpec.Transformer(4, 16, 2, 3).Build();
        var state = model.state_dict();

        foreach (var stack in new[] { "encoder", "decoder" })
        {
            foreach (var key in state.Keys.Where(k => k.StartsWith($"{stack}.layers.0.", StringComparison.Ordinal)))
            {
                foreach (var layer in new[] { 1, 2 })
                {
                    var same = key.Replace(".layers.0.", $".layers.{layer}.", StringComparison.Ordinal);
                    Assert.True(state[key].equal(state[same]).all().item<bool>(), key);
                }
            }
        }
    }

    [Fact]
    public void Should_drop_a_tenth_and_rescale_the_rest_When_dropout_is_on()
    {
        // PyTorch's law for nn.Dropout(0.1): each element zero with probability 0.1, otherwise x / 0.9.
        torch.manual_seed(5);
        using var ones = torch.ones(1000, 1000);

        using var dropped = FastDropout.Apply(ones, 0.1, training: true);

        var values = dropped.data<float>().ToArray();
        var zeros = values.Count(v => v == 0f);
        Assert.InRange(zeros / 1e6, 0.1 - 0.0015, 0.1 + 0.0015); // 5 binomial sd
        Assert.All(values.Where(v => v != 0f), v => Assert.Equal(1f / 0.9f, v, 1e-6f));
        Assert.Same(ones, FastDropout.Apply(ones, 0.1, training: false));
    }

    [Fact]
    public void Should_repeat_masks_for_a_seed_and_ignore_the_thread_count_When_dropout_is_on()
    {
        var threads = torch.get_num_threads();
        try
        {
            using var ones = torch.ones(300, 1001);
            torch.set_num_threads(1);
            torch.manual_seed(9);
            using var a = FastDropout.Apply(ones, 0.1, training: true);
            torch.set_num_threads(2);
            torch.manual_seed(9);
            using var b = FastDropout.Apply(ones, 0.1, training: true);
            using var c = FastDropout.Apply(ones, 0.1, training: true);

            Assert.True(a.equal(b).all().item<bool>());
            Assert.False(b.equal(c).all().item<bool>());
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    private static float[] Rows(JsonElement rows) =>
        rows.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetSingle())).ToArray();
}
