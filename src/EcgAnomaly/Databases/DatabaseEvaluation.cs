using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using EcgAnomaly.IO;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>
/// <c>ecg-anomaly evaluate-database</c>: every annotated record of a database folder (or a shard of them) annotated by
/// the algorithm under test and compared beat by beat with its reference (EC57, as bxb), several records at once. A
/// record that cannot be read becomes a failed result with its error, and the run goes on. Writes the files of
/// <see cref="DatabaseReportFiles"/> into a folder that appears only when complete.
/// </summary>
public static class DatabaseEvaluation
{
    /// <summary>Evaluates the request's records and writes the output folder.</summary>
    /// <param name="request">Database, records, lead, shard, parallelism, output folder.</param>
    /// <param name="progress">Told whenever a record changes stage or reads a chunk; called by one thread at a time.</param>
    /// <param name="cancellationToken">Stops the records between chunks; nothing is left behind.</param>
    /// <returns>The report written.</returns>
    /// <exception cref="DataFormatException">The database folder is missing or holds no annotated record.</exception>
    /// <exception cref="ArgumentException">A requested record is not in the database, or parallelism is below 1.</exception>
    /// <exception cref="OutputFolderException">The output folder exists and is not empty.</exception>
    public static DatabaseReport Run(DatabaseEvaluationRequest request, Action<DatabaseEvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Preconditions.CheckArgumentRange(nameof(request.Parallel), request.Parallel, 1, 4096);
        var clock = Stopwatch.StartNew();
        var selection = DatabaseRecords.Choose(DatabaseRecords.List(request.Database), request.Records);
        var mine = request.Shard?.Select(selection) ?? selection;
        var protocol = ProtocolOf(request);
        StagingFolder.EnsureUsable(Path.GetFullPath(request.OutputFolder));
        OutputPaths.EnsureApart(request.OutputFolder, request.Database);

        var classifiers = EctopicClassifierFolds.Read(request.PerPatient?.Ectopy);
        using var staging = StagingFolder.Create(request.OutputFolder);
        // Made once here: records written at the same moment must not race to create (or, failing, to remove) it.
        Directory.CreateDirectory(Path.Combine(staging.Path, DatabaseReportFiles.RecordsFolder));
        var tracker = new ProgressTracker(mine.Count, progress);
        var results = new RecordEvaluation[mine.Count];
        var seconds = new double[mine.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Parallel, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, mine.Count, options, i =>
            {
                var started = Stopwatch.GetTimestamp();
                void Progress(string stage, double fraction) => tracker.Report(i, mine[i], stage, fraction);
                results[i] = request.PerPatient is { } perPatient
                    ? EvaluatePerPatient(request.Database, mine[i], protocol, perPatient, classifiers, Progress, cancellationToken)
                    : Evaluate(request.Database, mine[i], protocol, request.Annotator, Progress, cancellationToken);
                seconds[i] = Stopwatch.GetElapsedTime(started).TotalSeconds;
                DatabaseReportFiles.WriteRecord(staging.Path, results[i]);
            });
        }
        catch (AggregateException e)
        {
            // A record's own failure is a result; what escapes is an interruption or a failure to write the output.
            cancellationToken.ThrowIfCancellationRequested();
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        var report = DatabaseReport.From(protocol, selection, request.Shard?.ToString(), results);
        DatabaseReportFiles.WriteReport(staging.Path, report, new ReportContext(request.Command, clock.Elapsed, request.Parallel, [],
            [.. seconds.Where((_, i) => results[i].Succeeded)]));
        staging.Commit(cancellationToken);
        return report;
    }

    private static Ec57Protocol ProtocolOf(DatabaseEvaluationRequest request)
    {
        var protocol = new Ec57Protocol
        {
            Database = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Database))),
            Lead = request.Lead,
            Algorithm = request.Annotator.Description,
        };
        if (request.PerPatient is not { } p) return protocol;
        return protocol with
        {
            Algorithm = string.Create(CultureInfo.InvariantCulture,
                $"per-patient {p.Model} autoencoder trained on each record's first {p.Minutes:0.##} min ({p.Epochs} epochs, ")
                + $"seed {p.Seed}; {p.TrainingLabels}), "
                + (p.Ectopy is null
                    ? $"beats above its threshold ({p.ThresholdPolicy} of validation scores) flagged; flagged beats labelled V for "
                        + "the VEB statistics and S for the SVEB statistics (an anomaly detector does not tell V from S), the others N"
                    : $"each scored beat labelled V, S or N by the population classifier {p.Ectopy} (one that did not learn from the "
                        + "record)"),
            PerPatient = p,
            LearningPeriodSeconds = p.Minutes * 60,
            Exclusions = "beats and detections inside ventricular flutter or fibrillation (between the reference's [ and ] "
                + "annotations); records whose reference has paced beats (/ or f: MIT-BIH 102, 104, 107, 217) are skipped",
        };
    }

    /// <summary>One record under the per-patient protocol; a failure to read or train becomes a failed result.</summary>
    private static RecordEvaluation EvaluatePerPatient(string database, string name, Ec57Protocol protocol, PerPatientProtocol perPatient,
        EctopicClassifierFolds classifiers, Action<string, double> progress, CancellationToken cancellationToken)
    {
        try
        {
            return PerPatientEvaluation.Evaluate(database, name, protocol, perPatient, classifiers.For(protocol.Database, name), progress,
                cancellationToken);
        }
        catch (Exception e) when (e is DataFormatException or IOException or UnauthorizedAccessException or ArgumentException
            or InvalidOperationException or OverflowException)
        {
            progress("failed", 1);
            return RecordEvaluation.Failed(name, OneLine(e));
        }
    }

    /// <summary>
    /// Annotates one record of <paramref name="database"/> and compares it with its reference; any failure to read it
    /// becomes a failed result naming the file and the problem.
    /// </summary>
    /// <param name="database">The database folder.</param>
    /// <param name="name">The record's name (its path relative to the folder, without extension).</param>
    /// <param name="protocol">The lead, annotator, window and learning period.</param>
    /// <param name="annotator">The algorithm under test.</param>
    /// <param name="progress">Receives the stage and the fraction of the record read.</param>
    /// <param name="cancellationToken">Stops the record between chunks.</param>
    public static RecordEvaluation Evaluate(string database, string name, Ec57Protocol protocol, ITestAnnotator annotator,
        Action<string, double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(annotator);
        try
        {
            progress?.Invoke("reading", 0);
            var record = EcgRecording.Open(Path.Combine(database, name + ".hea"));
            var lead = record.ResolveLead(protocol.Lead);
            var signal = record.Signals[lead];
            var reference = record.ReadAnnotations(lead, protocol.Annotator)
                ?? throw DataFormatException.Malformed(record.AnnotationSource(protocol.Annotator), null, "no reference annotations");
            var total = Math.Max(1, signal.SampleCount);
            progress?.Invoke("detecting beats", 0);
            var test = annotator.Annotate(record, lead, read => progress?.Invoke("detecting beats", Math.Min(1, (double)read / total)),
                cancellationToken);
            progress?.Invoke("comparing", 1);
            var counts = Ec57Comparison.Compare(reference, test, protocol.OptionsFor(signal.SamplingFrequency, signal.SampleCount));
            progress?.Invoke("done", 1);
            return RecordEvaluation.Of(name, record, lead, reference, test.Count, counts);
        }
        catch (Exception e) when (e is DataFormatException or IOException or UnauthorizedAccessException or ArgumentException
            or InvalidOperationException or OverflowException)
        {
            progress?.Invoke("failed", 1);
            return RecordEvaluation.Failed(name, OneLine(e));
        }
    }

    /// <summary>The message without .NET's " (Parameter 'x')" and on one line, as the report's table needs it.</summary>
    private static string OneLine(Exception e)
    {
        var message = e.Message;
        if (e is ArgumentException { ParamName: { } parameter })
        {
            var suffix = new ArgumentException("", parameter).Message;
            if (message.EndsWith(suffix, StringComparison.Ordinal)) message = message[..^suffix.Length].TrimEnd();
        }
        return string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Each record's fraction done, summed for the overall figure; reports one at a time.</summary>
    private sealed class ProgressTracker(int records, Action<DatabaseEvaluationProgress>? progress)
    {
        private readonly double[] _done = new double[records];
        private readonly Lock _lock = new();
        private double _total;

        public void Report(int index, string record, string stage, double fraction)
        {
            if (progress is null) return;
            lock (_lock)
            {
                _total += fraction - _done[index];
                _done[index] = fraction;
                progress(new DatabaseEvaluationProgress(record, stage, _total, records));
            }
        }
    }
}
