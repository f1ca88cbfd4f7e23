namespace EcgAnomaly.Training;

/// <summary>Receives progress while a model trains (the command line draws its progress bar from it).</summary>
public interface ITrainingObserver
{
    void OnEpochStarted(int epoch, int epochs, int batches);

    void OnBatchCompleted(int epoch, int batch, int batches);

    void OnEpochCompleted(EpochRecord record, int epochs);
}
