namespace EcgAnomaly.Tests.Signals;

/// <summary>Equal within an absolute tolerance, for comparing sequences of physical values.</summary>
internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
