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
}
