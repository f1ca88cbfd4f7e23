using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>Counts trainable parameters the way PyTorch's <c>sum(p.numel() for p in m.parameters())</c> does.</summary>
public static class ParameterCount
{
    /// <summary>The number of parameters of <paramref name="module"/> and all its submodules.</summary>
    public static long Of(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.parameters().Sum(p => p.numel());
    }
}
