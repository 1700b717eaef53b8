using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using StageMap.Engine.Storage;
using StageMap.Engine.Threading;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// Converts a file of records to another file, streaming: a few batches of records in memory at a
/// time, whatever the file's size, converted on every core (see <see cref="Transfer"/>). The output
/// (and reject) file is written under a temporary name and renamed into place only when every record
/// has been read, so a failure or a stop leaves no half-written file.
/// </summary>
public static class BulkConverter
{
    private const int CheckEvery = 4096;
    private static readonly TimeSpan FirstProgress = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <param name="progress">Called now and then on long files (first after a second, then at most twice a second).</param>
    /// <param name="rejected">Called for each rejected record when the job has no reject file.</param>
    /// <param name="warn">Told once per mapped field the records do not carry (see <see cref="MissingFieldTally"/>), and once per CSV file with cells that look like formulas (see <see cref="FormulaCells"/>).</param>
    /// <exception cref="StageMapException">InvalidRecordFile, OutputFileExists, InvalidOutputFile, OutputWriteFailed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; no output file was written.</exception>
    public static ConversionSummary Run(
        ConversionPlan plan,
        BulkConversion job,
        Action<BulkProgress>? progress = null,
        Action<IInputRecord, ConversionFailure>? rejected = null,
        Action<string>? warn = null,
        CancellationToken cancellation = default) => Run(plan, job, progress, rejected, warn, threads: 0, cancellation);

    /// <param name="threads">Threads to convert on; 0 for one per core (see <see cref="Transfer"/>).</param>
    internal static ConversionSummary Run(
        ConversionPlan plan,
        BulkConversion job,
        Action<BulkProgress>? progress,
        Action<IInputRecord, ConversionFailure>? rejected,
        Action<string>? warn,
        int threads,
        CancellationToken cancellation)
    {
        var missing = new MissingFieldTally(plan, warn);
        var watch = Stopwatch.StartNew();
        var outputFormat = job.OutputFormat ?? RecordFileFormats.FromExtension(job.OutputPath)
            ?? throw Failures.InvalidOutputFile(job.OutputPath, "the output format cannot be told from the extension: name the file .jsonl, .json or .csv, or use -OutputFormat.");
        var inputFormat = RecordFileReaders.Detect(job.InputPath, job.Encoding);
        var rejectFormat = job.RejectPath is null ? outputFormat : RecordFileFormats.FromExtension(job.RejectPath) ?? outputFormat;
        Check(job, outputFormat, inputFormat, rejectFormat);

        using var input = RecordFileReaders.OpenFile(job.InputPath);
        using var output = CreateOutput(job.OutputPath);
        using var rejectOutput = job.RejectPath is null ? null : CreateOutput(job.RejectPath);
        var streams = new BulkStreams(input, inputFormat, output.Stream, outputFormat, rejectOutput?.Stream, rejectFormat);
        var (read, written, rejectedCount) = Transfer(plan, job, streams, missing, warn, progress, rejected, watch, cancellation, threads);

        cancellation.ThrowIfCancellationRequested();
        Commit(output);
        if (rejectOutput is not null)
        {
            Commit(rejectOutput);
        }

        return new ConversionSummary(read, written, rejectedCount, watch.Elapsed, job.InputPath, job.OutputPath, outputFormat, job.RejectPath) { MissingFields = missing.Fields };
    }

    /// <summary>
    /// The streaming loop: records from the input to the output (and rejects) streams, which the
    /// caller commits or discards. The fuzz tests drive it over memory streams.
    /// </summary>
    /// <remarks>
    /// This thread reads the records in batches (<see cref="RowBatch"/>); <paramref name="threads"/> threads
    /// convert and format batches at once (<see cref="OrderedBatchThreads{TBatch}"/>), and this thread takes the
    /// converted batches in, in the file's order: their bytes appended to the output, their rejects written
    /// or handed to <paramref name="rejected"/>, their missing fields told, so that the files, the counts and
    /// every message are what converting the records one by one gives. With one thread, or a file of one
    /// batch, the records are converted here. A failure to read the file is thrown after the records
    /// before it are taken in, as it would be reading them one by one. A JSON or JSON Lines file is
    /// converted here record by record (<see cref="TransferInPlace"/>).
    /// </remarks>
    /// <param name="threads">Threads to convert on; 0 for one per core (<see cref="DefaultThreads"/>).</param>
    /// <param name="batchRecords">Records in a batch (tests make it small to cross many batch edges).</param>
    internal static (long Read, long Written, long Rejected) Transfer(
        ConversionPlan plan,
        BulkConversion job,
        BulkStreams streams,
        MissingFieldTally missing,
        Action<string>? warn,
        Action<BulkProgress>? progress,
        Action<IInputRecord, ConversionFailure>? rejected,
        Stopwatch watch,
        CancellationToken cancellation,
        int threads = 0,
        int batchRecords = BatchRecords)
    {
        if (streams.InputFormat != RecordFileFormat.Csv)
        {
            return TransferInPlace(plan, job, streams, missing, warn, progress, rejected, watch, cancellation);
        }

        threads = threads > 0 ? threads : DefaultThreads;
        // Reading ahead: a CSV file is read and decoded on a second thread while this one parses.
        using var reader = RecordFileReaders.Open(streams.Input, job.InputPath, streams.InputFormat, job.Encoding, reuseRecords: true, readAhead: true);
        long read = 0, written = 0, rejectedCount = 0;
        BatchConverter NewConverter(ConversionPlan threadPlan) => new(
            threadPlan,
            RecordFileWriter.ConvertedPart(streams.OutputFormat, threadPlan, job.Shape, job.EscapeFormula),
            streams.Rejects is null ? null : RecordFileWriter.RejectsPart(streams.RejectFormat, reader.Header, job.EscapeFormula));

        // Writing behind: the file's bytes go out on a second thread while this one takes in the next batches.
        using (var writer = RecordFileWriter.ForConverted(streams.OutputFormat, streams.Output, plan, job.Shape, job.EscapeFormula, writeBehind: true))
        using (var rejectWriter = streams.Rejects is null ? null : RecordFileWriter.ForRejects(streams.RejectFormat, streams.Rejects, reader.Header, job.EscapeFormula, writeBehind: true))
        using (var converting = new OrderedBatchThreads<RowBatch>("StageMap converter", threads, () => NewConverter(plan.ForAnotherThread()).Convert, cancellation))
        using (var items = reader.Read().GetEnumerator())
        {
            var nextProgress = FirstProgress;
            var free = new Stack<RowBatch>();
            var made = 0;
            var mostBatches = threads == 1 ? 1 : threads + 2; // enough that every thread has a batch while this one reads the next
            BatchConverter? here = null;

            // Takes a converted batch in: its records as though converted here, in order.
            void TakeIn(RowBatch batch)
            {
                cancellation.ThrowIfCancellationRequested();
                missing.Absorb(batch.Missing);
                writer.Append(batch.Output);
                if (rejectWriter is not null)
                {
                    rejectWriter.Append(batch.Rejects!); // a batch has a part for rejects when the job has a reject file
                }
                else if (rejected is not null)
                {
                    foreach (var reject in batch.RejectedRecords)
                    {
                        rejected(reject.Key, reject.Value);
                    }
                }

                written += batch.Written;
                rejectedCount += batch.Rejected;
                batch.ReadFailure?.Throw();
                if (progress is not null && watch.Elapsed >= nextProgress)
                {
                    progress(new BulkProgress(batch.FirstRecord + batch.Count - 1, written, rejectedCount, reader.Position, reader.Length, watch.Elapsed));
                    nextProgress = watch.Elapsed + ProgressInterval;
                }

                free.Push(batch);
            }

            try
            {
                for (var last = false; !last;)
                {
                    if (free.Count == 0 && made < mostBatches)
                    {
                        free.Push(new RowBatch(batchRecords, plan, rejects: streams.Rejects is not null));
                        made++;
                    }

                    while (free.Count == 0)
                    {
                        TakeIn(converting.TakeOldest());
                    }

                    var batch = free.Pop();
                    Fill(batch, items, reader, read + 1, cancellation);
                    read += batch.Count;
                    last = batch.Last;
                    if (threads == 1 || (last && converting.InHand == 0))
                    {
                        // One thread, or the whole file in one batch: converted here, no thread started.
                        here ??= NewConverter(plan);
                        here.Convert(batch);
                        TakeIn(batch);
                        continue;
                    }

                    converting.Give(batch);
                    while (converting.OldestDone)
                    {
                        TakeIn(converting.TakeOldest());
                    }
                }

                while (converting.InHand > 0)
                {
                    TakeIn(converting.TakeOldest());
                }

                Finish(writer, rejectWriter, job, warn);
            }
            catch (IOException e)
            {
                throw Failures.OutputFailed(job.OutputPath, e);
            }
        }

        return (read, written, rejectedCount);
    }

    /// <summary>
    /// <see cref="Transfer"/> of a JSON or JSON Lines file: each record converted here as it is read, where
    /// the reader holds it. A batch would have to copy every record (<see cref="IReusedRecord.Snapshot"/>),
    /// an allocation a row; a CSV row's text is copied into a batch without one.
    /// </summary>
    private static (long Read, long Written, long Rejected) TransferInPlace(
        ConversionPlan plan,
        BulkConversion job,
        BulkStreams streams,
        MissingFieldTally missing,
        Action<string>? warn,
        Action<BulkProgress>? progress,
        Action<IInputRecord, ConversionFailure>? rejected,
        Stopwatch watch,
        CancellationToken cancellation)
    {
        using var reader = RecordFileReaders.Open(streams.Input, job.InputPath, streams.InputFormat, job.Encoding, reuseRecords: true, readAhead: true);
        long read = 0, written = 0, rejectedCount = 0;
        // Writing behind: the file's bytes go out on a second thread while this one converts the next records.
        using (var writer = RecordFileWriter.ForConverted(streams.OutputFormat, streams.Output, plan, job.Shape, job.EscapeFormula, writeBehind: true))
        using (var rejectWriter = streams.Rejects is null ? null : RecordFileWriter.ForRejects(streams.RejectFormat, streams.Rejects, reader.Header, job.EscapeFormula, writeBehind: true))
        {
            var nextProgress = FirstProgress;
            var buffer = new ConvertedRecord(plan, new object?[plan.OutputFields.Count]);
            try
            {
                foreach (var item in reader.Read())
                {
                    read++;
                    var failure = ConvertOne(plan, item.Record, item.Failure, buffer, missing, writer, read, reader.RecordLine);
                    if (failure is null)
                    {
                        written++;
                    }
                    else
                    {
                        rejectedCount++;
                        if (rejectWriter is not null)
                        {
                            rejectWriter.WriteReject(item.Record, failure);
                        }
                        else
                        {
                            // The caller may keep the record: one the reader reuses is handed over as a copy of its own.
                            rejected?.Invoke(item.Record is IReusedRecord reused ? reused.Snapshot() : item.Record, failure);
                        }
                    }

                    if (read % CheckEvery == 0)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        if (progress is not null && watch.Elapsed >= nextProgress)
                        {
                            progress(new BulkProgress(read, written, rejectedCount, reader.Position, reader.Length, watch.Elapsed));
                            nextProgress = watch.Elapsed + ProgressInterval;
                        }
                    }
                }

                Finish(writer, rejectWriter, job, warn);
            }
            catch (IOException e)
            {
                throw Failures.OutputFailed(job.OutputPath, e);
            }
        }

        return (read, written, rejectedCount);
    }

    /// <summary>Records in a batch: some 2 ms of converting, so the threads hand over a few hundred batches a second.</summary>
    internal const int BatchRecords = 2048;

    /// <summary>The most threads a conversion converts on.</summary>
    internal const int MostThreads = 4;

    /// <summary>A thread per core, up to <see cref="MostThreads"/>.</summary>
    internal static int DefaultThreads => Math.Max(1, Math.Min(Environment.ProcessorCount, MostThreads));

    /// <summary>Reads the next records into <paramref name="batch"/>; a failure to read is kept for after them.</summary>
    private static void Fill(RowBatch batch, IEnumerator<InputItem> items, IRecordFileReader reader, long firstRecord, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        batch.Clear(firstRecord);
        try
        {
            while (!batch.IsFull)
            {
                if (!items.MoveNext())
                {
                    batch.Last = true;
                    return;
                }

                batch.Add(items.Current, reader.RecordLine);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            batch.ReadFailure = ExceptionDispatchInfo.Capture(e);
            batch.Last = true;
        }
    }

    /// <summary>
    /// Converts one record into <paramref name="output"/>; or, when it was not read whole
    /// (<paramref name="readFailure"/>) or does not convert, gives why, naming the record's number and line.
    /// </summary>
    internal static ConversionFailure? ConvertOne(ConversionPlan plan, IInputRecord record, ConversionFailure? readFailure, ConvertedRecord buffer, MissingFieldTally missing, RecordFileWriter output, long number, long line)
    {
        var failure = readFailure;
        if (failure is null)
        {
            var result = plan.Convert(record, buffer, missing);
            if (result.Succeeded)
            {
                output.Write(result.Record);
                return null;
            }

            failure = result.Failure;
        }

        return Failures.InRecord(failure, number, line);
    }

    private static void Finish(RecordFileWriter writer, RecordFileWriter? rejectWriter, BulkConversion job, Action<string>? warn)
    {
        writer.Finish();
        rejectWriter?.Finish();
        Warn(warn, writer.Warning(job.OutputPath));
        Warn(warn, rejectWriter?.Warning(job.RejectPath!)); // a reject writer exists only for a reject path
    }

    private static void Warn(Action<string>? warn, string? warning)
    {
        if (warning is not null)
        {
            warn?.Invoke(warning);
        }
    }

    /// <summary>An output written under a temporary name; a failed or stopped run leaves no half-written file.</summary>
    private static AtomicFile CreateOutput(string path)
    {
        try
        {
            return new AtomicFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.OutputFailed(path, e);
        }
    }

    private static void Commit(AtomicFile output)
    {
        try
        {
            output.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.OutputFailed(output.Path, e);
        }
    }

    private static void Check(BulkConversion job, RecordFileFormat outputFormat, RecordFileFormat inputFormat, RecordFileFormat rejectFormat)
    {
        if (outputFormat == RecordFileFormat.Csv && job.Shape != RecordShape.Object)
        {
            throw Failures.InvalidOutputFile(job.OutputPath, $"-As {job.Shape} writes JSON documents; write them to a .jsonl or .json file.");
        }

        if (job.RejectPath is not null && rejectFormat == RecordFileFormat.Csv && inputFormat != RecordFileFormat.Csv)
        {
            throw Failures.InvalidOutputFile(job.RejectPath, "a CSV reject file holds the input's CSV rows, but the input is JSON: name the reject file .jsonl or .json.");
        }

        if (SamePath(job.OutputPath, job.InputPath) || (job.RejectPath is not null && (SamePath(job.RejectPath, job.InputPath) || SamePath(job.RejectPath, job.OutputPath))))
        {
            throw Failures.InvalidOutputFile(job.OutputPath, "the input, output and reject files must be three different files.");
        }

        if (!job.Force)
        {
            if (File.Exists(job.OutputPath))
            {
                throw Failures.OutputFileExists(job.OutputPath);
            }

            if (job.RejectPath is not null && File.Exists(job.RejectPath))
            {
                throw Failures.OutputFileExists(job.RejectPath);
            }
        }
    }

    private static bool SamePath(string left, string right) =>
        string.Equals(Path.GetFullPath(left), Path.GetFullPath(right), StringComparison.Ordinal);
}

/// <summary>The open streams of one bulk conversion and their formats.</summary>
internal sealed record BulkStreams(Stream Input, RecordFileFormat InputFormat, Stream Output, RecordFileFormat OutputFormat, Stream? Rejects, RecordFileFormat RejectFormat);
