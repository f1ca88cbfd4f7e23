namespace EcgAnomaly.Data;

/// <summary>Which ECG5000 file trains and which one tests.</summary>
public enum EvaluationProtocol
{
    /// <summary>The study's: train/validation from the normal beats of ECG5000_TEST, test on all of ECG5000_TRAIN.</summary>
    Seed,

    /// <summary>
    /// The archive's intended direction: train/validation from the normals of ECG5000_TRAIN, test on all of ECG5000_TEST.
    /// </summary>
    Official,
}
