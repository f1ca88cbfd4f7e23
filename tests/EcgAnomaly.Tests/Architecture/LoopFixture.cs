// Two namespaces that use each other, on purpose: the architecture test shows its check finds such a loop.
#pragma warning disable CA1812 // never instantiated: only its IL is read

namespace EcgAnomaly.Tests.Architecture.LoopFixture.Lower
{
    internal sealed class UsesHigher
    {
        public Higher.UsesLower? Partner { get; set; }
    }
}

namespace EcgAnomaly.Tests.Architecture.LoopFixture.Higher
{
    internal sealed class UsesLower
    {
        public static int Count() => new Lower.UsesHigher().GetHashCode();
    }
}
