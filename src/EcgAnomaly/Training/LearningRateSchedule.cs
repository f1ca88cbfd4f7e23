namespace EcgAnomaly.Training;

/// <summary>How the learning rate moves over the epochs.</summary>
public enum LearningRateSchedule
{
    /// <summary>The same rate every epoch: the study's procedure.</summary>
    Constant,

    /// <summary>
    /// Half a cosine from the rate at epoch 1 down to nearly 0 at the last epoch, so that the last epoch's weights have
    /// settled instead of jumping with every batch (the study's validation loss still moves about 10 % per epoch at 150).
    /// </summary>
    Cosine,

    /// <summary>
    /// The rate held for the first four fifths of the epochs, then half a cosine down to nearly 0 over the last fifth:
    /// most of the training at the full rate (a small training set is still learning at epoch 150, where a whole-run
    /// cosine leaves it behind), and a last epoch that has settled.
    /// </summary>
    Tail,
}
