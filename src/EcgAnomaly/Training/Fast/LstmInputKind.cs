namespace EcgAnomaly.Training.Fast;

/// <summary>How a layer's input arrives: one scalar per step, a vector per step, or one vector for every step.</summary>
internal enum LstmInputKind
{
    /// <summary>T x B scalars (the first encoder layer reads the beat itself).</summary>
    Scalar,

    /// <summary>T x B x I (the output of the layer below).</summary>
    Sequence,

    /// <summary>B x I, the same at every step (the decoder reads the repeated code): projected once.</summary>
    Constant,
}
