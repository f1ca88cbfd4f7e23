using System.Collections;
using EcgAnomaly.Signals.Internal;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace EcgAnomaly.Detection;

/// <summary>
/// Loads a PyTorch state dict into a module after checking every key and shape against the module's own. PyBridge's
/// load_py checks names only: a tensor of another size loads "successfully" and leaves a broken model.
/// </summary>
public static class PyTorchWeights
{
    /// <exception cref="DataFormatException">The file is missing or unreadable, or its keys or shapes differ from the module's.</exception>
    public static void Load(nn.Module<Tensor, Tensor> model, string path, string modelName)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(path)) throw DataFormatException.MissingFile(path);
        if (FileKind.NotRegular(path) is { } kind) throw DataFormatException.Malformed(path, null, $"is {kind}, not a weights file");
        // Bounded by what this model needs before the unpickler allocates anything.
        PyTorchArchiveCheck.Check(path, Models.ParameterCount.Of(model));
        Hashtable file;
        try
        {
            using var stream = File.OpenRead(path);
            file = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var message = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault() ?? "";
            var shown = message.Length <= 160 ? message : message[..160] + "...";
            throw DataFormatException.Malformed(path, null, $"not a readable PyTorch state dict ({shown})");
        }
        var state = model.state_dict();
        var missing = state.Keys.FirstOrDefault(k => !file.ContainsKey(k));
        if (missing is not null)
            throw DataFormatException.Malformed(path, null, $"weights do not load into the {modelName} model: no tensor '{missing}'");
        var extra = file.Keys.Cast<object>().Select(k => k.ToString()!).FirstOrDefault(k => !state.ContainsKey(k));
        if (extra is not null)
            throw DataFormatException.Malformed(
                path, null, $"weights do not load into the {modelName} model: unexpected tensor '{extra}'");
        using var noGrad = no_grad();
        foreach (var (key, target) in state)
        {
            if (file[key] is not Tensor source)
                throw DataFormatException.Malformed(path, null, $"weights do not load into the {modelName} model: '{key}' is not a tensor");
            using (source)
            {
                if (!source.shape.SequenceEqual(target.shape))
                    throw DataFormatException.Malformed(path, null,
                        $"weights do not load into the {modelName} model: '{key}' has shape [{string.Join(",", source.shape)}] "
                        + $"but the model needs [{string.Join(",", target.shape)}]");
                target.copy_(source.to(target.dtype).to(target.device));
            }
        }
    }
}
