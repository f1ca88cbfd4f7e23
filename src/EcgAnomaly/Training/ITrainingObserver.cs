namespace EcgAnomaly.Training;

/// <summary>Receives progress while a model trains (the command line draws its progress bar from it).</summary>
public interface ITrainingObserver
{
    /// <summary>
    /// Epoch <paramref name="epoch"/> (1-based) of <paramref name="epochs"/> starts; it has <paramref name="batches"/> batches.
    /// </summary>
    void OnEpochStarted(int epoch, int epochs, int batches);

    /// <summary>Batch <paramref name="batch"/> (1-based) of <paramref name="batches"/> of epoch <paramref name="epoch"/> is done.</summary>
    void OnBatchCompleted(int epoch, int batch, int batches);

    /// <summary>
    /// An epoch is done, validation included (also called for each epoch restored from a checkpoint).
    /// </summary>
    /// <param name="record">The epoch's losses and seconds.</param>
    /// <param name="epochs">Epochs of the whole run.</param>
    void OnEpochCompleted(EpochRecord record, int epochs);

    /// <summary>
    /// Member <paramref name="member"/> (1-based) of an ensemble of <paramref name="members"/> starts training; its
    /// epochs count from 1 again. Not called for a single network.
    /// </summary>
    void OnMemberStarted(int member, int members)
    {
    }
}
