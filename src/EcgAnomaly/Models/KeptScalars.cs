using TorchSharp;
using static TorchSharp.torch;

namespace EcgAnomaly.Models;

/// <summary>
/// TorchSharp 0.107 turns a number argument (the implicit alpha of <c>a + b</c>, the factor of <c>t * 0.5</c>) into a
/// Scalar that only its finalizer frees, passes the native handle on and does not keep the object reachable: a garbage
/// collection during that native call can free the Scalar while libtorch reads it, which stops training with
/// "Expected false to be true" from <c>Scalar::toFloat</c> or, worse, computes with whatever the freed memory holds.
/// Training and scoring code therefore passes Scalars that stay reachable: these for constants, <c>using</c> locals
/// for the rest (`ecg-anomaly bench --gc-storm` trains under a storm of collections).
/// </summary>
internal static class KeptScalars
{
    /// <summary>1, held for the life of the process.</summary>
    public static Scalar One { get; } = 1.ToScalar();

    /// <summary><paramref name="a"/> + <paramref name="b"/> without a temporary Scalar.</summary>
    public static Tensor Plus(Tensor a, Tensor b) => a.add(b, One);
}
