using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Engine.Threading;

namespace StageMap.Engine.Drift;

/// <summary>
/// Find-StageDrift: joins a CRM export and a prospect file by key, streaming both, and reports the
/// pairs whose Outreach stage is not the one the CRM status gives under the configuration, plus the
/// records only one file has.
/// </summary>
/// <remarks>
/// Memory: only the smaller file's keys are held. Which file is smaller is decided by size on disk
/// (no extra pass: a CRM row and a prospect line are of a similar size, and a wrong guess costs only
/// memory, never a wrong answer). Each held key keeps one small index: the CRM record's pull outcome
/// or the prospect's stage, both interned (there are few statuses and stages). Pass 1 reads the
/// smaller file into the key set, pass 2 streams the larger one and joins each record as it comes,
/// and pass 3 reads the smaller file again to report the records that found no partner, with their
/// names: on a second thread while pass 2 runs (<see cref="UnmatchedScan"/>), or after it when that
/// scan gives up. Records are read by the bulk conversion's readers.
/// </remarks>
public static class StageDriftFinder
{
    private const int CheckEvery = 4096;

    /// <summary>Outcomes and stages below this index have their pairs' kinds in an array (<see cref="Join"/>).</summary>
    private const int FewKinds = 32;

    /// <summary>
    /// Held CSV rows a batch copies for the second core: a batch's copy stays in the processor's cache
    /// while it is worked on, and three in hand are a few hundred kilobytes.
    /// </summary>
    internal const int BatchRows = 512;

    /// <summary>
    /// Streamed prospects matched at a time: enough that the batch's key-set slots, asked for first, come from
    /// memory together; few, so their copied keys and names stay in the cache.
    /// </summary>
    internal const int PendingRecords = 32;
    private const long SampleBytes = 4 << 20;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <param name="found">Receives each finding when the job has no OutFile.</param>
    /// <param name="progress">Called now and then: what is being read, and the percent of that file.</param>
    /// <param name="warn">Told once when a CSV OutFile has cells a spreadsheet would run as formulas (and they were not escaped).</param>
    /// <exception cref="StageMapException">NoConversionMappings, NoStageMapping, InvalidRecordFile, OutputFileExists, InvalidOutputFile, OutputWriteFailed.</exception>
    public static DriftSummary Run(
        StageMapConfiguration configuration,
        DriftJob job,
        Action<StageDrift>? found = null,
        Action<string, int>? progress = null,
        Action<string>? warn = null,
        CancellationToken cancellation = default) =>
        Run(configuration, job, found, progress, warn, BatchRows, PendingRecords, cancellation);

    /// <param name="batchRows">Held CSV rows handed to the second core at a time (their pull outcomes); 0 works them out in line.</param>
    /// <param name="pendingRecords">Streamed prospects matched at a time (1: each as it is read).</param>
    internal static DriftSummary Run(
        StageMapConfiguration configuration,
        DriftJob job,
        Action<StageDrift>? found,
        Action<string, int>? progress,
        Action<string>? warn,
        int batchRows,
        int pendingRecords,
        CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var stages = new DriftStages(configuration, job.Object);
        var crmFormat = RecordFileReaders.Detect(job.CrmPath);
        var outreachFormat = RecordFileReaders.Detect(job.OutreachPath);
        var heldSide = Size(job.OutreachPath) < Size(job.CrmPath) ? DriftSide.Outreach : DriftSide.Crm;
        using var output = job.OutFile is null ? null : DriftFileWriter.Create(job);
        using var run = new Join(stages, job, new DriftFindings(output, found), progress, watch, batchRows, pendingRecords, cancellation);
        var heldFormat = heldSide == DriftSide.Crm ? crmFormat : outreachFormat;
        if (heldSide == DriftSide.Crm)
        {
            run.HoldCrm(crmFormat);
            run.StartUnmatchedScan(heldSide, heldFormat);
            run.StreamOutreach(outreachFormat);
        }
        else
        {
            run.HoldOutreach(outreachFormat);
            run.StartUnmatchedScan(heldSide, heldFormat);
            run.StreamCrm(crmFormat);
        }

        run.ReportUnmatched(heldSide, heldFormat);
        cancellation.ThrowIfCancellationRequested();
        if (output?.Commit() is { } warning)
        {
            warn?.Invoke(warning);
        }

        return run.Summary(heldSide, watch.Elapsed);
    }

    private static long Size(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.InvalidRecordFile(path, e.Message, e);
        }
    }

    /// <summary>One run's state: the held keys, the interned stages and the counts.</summary>
    private sealed class Join : IDisposable
    {
        private readonly DriftStages _stages;
        private readonly DriftJob _job;
        private readonly DriftFindings _findings;
        private readonly Action<string, int>? _progress;
        private readonly CancellationToken _cancellation;
        private readonly Stopwatch _watch;
        private readonly int _batchRows;
        private readonly int _pendingRecords;
        private DriftStages? _otherThreadStages;
        private KeySet _held = new();
        private readonly InternTable<CrmOutcome> _outcomes = new();
        private readonly Dictionary<(string Status, string Stage), Tally> _crossTab = new();
        private readonly Dictionary<(DriftReason Reason, string Status, string? ErrorId), Tally> _reasons = new();
        private readonly Dictionary<long, PairKind> _pairKinds = new();

        // The kinds of the first few outcomes and stages, which are nearly every pair, looked up without hashing.
        private readonly PairKind?[] _fewPairKinds = new PairKind?[FewKinds * FewKinds];
        private long _crmRead, _outreachRead, _pairs, _drifted, _crmOnly, _outreachOnly, _crmDuplicates, _outreachDuplicates;
        private TimeSpan _nextProgress = TimeSpan.FromSeconds(1);
        private UnmatchedScan? _scan;

        public Join(DriftStages stages, DriftJob job, DriftFindings findings, Action<string, int>? progress, Stopwatch watch, int batchRows, int pendingRecords, CancellationToken cancellation)
        {
            _batchRows = batchRows;
            _pendingRecords = pendingRecords;
            _stages = stages;
            _job = job;
            _findings = findings;
            _progress = progress;
            _cancellation = cancellation;
            _watch = watch;
        }

        public void HoldCrm(RecordFileFormat format)
        {
            Presize(_job.CrmPath, format);
            if (format == RecordFileFormat.Csv && _batchRows > 0)
            {
                HoldCrmRows();
                return;
            }

            foreach (var item in Read(_job.CrmPath, format, "Reading the CRM records' keys"))
            {
                _crmRead++;
                var key = DriftRecords.CrmKey(item.Record, _job.CrmKey);
                var outcome = _stages.Outcome(item);
                if (Hold(key, _outcomes.IndexOf(outcome)) is { } problem)
                {
                    Report(problem, DriftSide.Crm, key, DriftRecords.CrmName(item.Record), outcome.Status);
                }
            }
        }

        /// <summary>
        /// Pass 1 over a CSV file on both cores: this thread reads the rows, copies the columns the join and the
        /// pull read into batches and holds their keys in file order (so every finding comes as before); a
        /// second thread works out each row's pull outcome, the costliest part, and the outcomes become the
        /// held keys' payloads when their batch comes back.
        /// </summary>
        private void HoldCrmRows()
        {
            KeptColumns? kept = null;
            var row = new CopiedRow();
            CrmRowBatch? filling = null;
            using var outcomes = new OrderedBatchThreads<CrmRowBatch>("StageMap drift: CRM outcomes", 1, WorkOutOutcomes);
            try
            {
                foreach (var item in Read(_job.CrmPath, RecordFileFormat.Csv, "Reading the CRM records' keys", opened: reader =>
                    {
                        kept = new KeptColumns(reader.Header!, _stages.FieldsRead.Concat(DriftRecords.CrmFieldsRead(_job.CrmKey)));
                    }))
                {
                    _crmRead++;
                    filling ??= NextBatch(outcomes, kept!);
                    filling.Add((CsvRow)item.Record, item.Failure);
                    var at = filling.Count - 1;
                    var key = JoinKey.From(DriftRecords.CrmKey(filling.RowAt(at, row), _job.CrmKey));
                    filling.Keys[at] = key;
                    if (key is { } fetched)
                    {
                        _held.Prefetch(fetched); // its slot comes from memory while the rows after it are read
                    }

                    if (filling.IsFull)
                    {
                        var full = filling;
                        filling = null;
                        HoldBatch(full, row);
                        outcomes.Give(full);
                    }
                }
            }
            catch
            {
                // The rows read before the failure are held and reported first, as in line.
                if (filling is { Count: > 0 } unheld)
                {
                    filling = null;
                    HoldBatch(unheld, row);
                }

                throw;
            }

            if (filling is { Count: > 0 })
            {
                HoldBatch(filling, row);
                outcomes.Give(filling);
            }

            while (outcomes.InHand > 0)
            {
                SetPayloads(outcomes.TakeOldest());
            }
        }

        /// <summary>An empty batch: a new one while fewer than two are with the second thread, else the oldest of those once done.</summary>
        private CrmRowBatch NextBatch(OrderedBatchThreads<CrmRowBatch> outcomes, KeptColumns kept)
        {
            if (outcomes.InHand < 2)
            {
                return new CrmRowBatch(kept, _batchRows);
            }

            var done = outcomes.TakeOldest();
            SetPayloads(done);
            done.Clear();
            return done;
        }

        /// <summary>The second thread's work, made on that thread: each row's pull outcome, interned (only that thread interns outcomes during pass 1).</summary>
        private Action<CrmRowBatch> WorkOutOutcomes()
        {
            var stages = OtherThreadStages();
            var row = new CopiedRow();
            return batch =>
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    batch.Outcomes[i] = _outcomes.IndexOf(stages.Outcome(new InputItem(batch.RowAt(i, row), batch.FailureAt(i))));
                }
            };
        }

        /// <summary>
        /// Holds a batch's keys (made as each row was read, when its slot of the key set was prefetched) in file
        /// order, reporting a row without a key or with a key held already.
        /// </summary>
        private void HoldBatch(CrmRowBatch batch, CopiedRow row)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var key = batch.Keys[i];
                var problem = key is null ? DriftProblem.NoKey : _held.TryAdd(key.Value, 0) ? (DriftProblem?)null : DriftProblem.Duplicate;
                batch.Held[i] = problem is null;
                if (problem is { } reported)
                {
                    batch.RowAt(i, row);
                    Report(reported, DriftSide.Crm, DriftRecords.CrmKey(row, _job.CrmKey), DriftRecords.CrmName(row), _stages.Status(row));
                }
            }
        }

        private void SetPayloads(CrmRowBatch batch)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Held[i])
                {
                    _held.SetPayload(batch.Keys[i]!.Value, batch.Outcomes[i]);
                }
            }
        }

        /// <summary>The stages for a thread beside this one: pass 1's second thread, then the scan of pass 3 (never at once).</summary>
        private DriftStages OtherThreadStages() => _otherThreadStages ??= _stages.ForAnotherThread();

        public void HoldOutreach(RecordFileFormat format)
        {
            Presize(_job.OutreachPath, format);
            foreach (var item in Read(_job.OutreachPath, format, "Reading the prospects' keys"))
            {
                _outreachRead++;
                var prospect = DriftRecords.Prospect(item.Record);
                var key = prospect.Key(_job.OutreachKey);
                var actual = _stages.ActualIndex(prospect);
                if (Hold(key, actual) is { } problem)
                {
                    Report(problem, DriftSide.Outreach, key, prospect.Name(), null, _stages.ActualAt(actual));
                }
            }
        }

        /// <summary>
        /// Pass 2 over the prospects: what the join needs of each is copied into a batch (<see cref="PendingProspects"/>)
        /// as it is read, and the batch is matched in file order when full. The second core is left to the scan
        /// beside the join (<see cref="UnmatchedScan"/>): matching there as well, the two sharing that core, was no
        /// faster on an idle machine.
        /// </summary>
        public void StreamOutreach(RecordFileFormat format)
        {
            var pending = new PendingProspects(_pendingRecords);
            using var records = Read(_job.OutreachPath, format, "Joining the prospects", _scan).GetEnumerator();
            while (true)
            {
                bool more;
                try
                {
                    more = records.MoveNext();
                }
                catch
                {
                    // The records read before the failure are joined and reported first, as in line.
                    JoinPending(pending);
                    throw;
                }

                if (!more)
                {
                    break;
                }

                _outreachRead++;
                var prospect = DriftRecords.Prospect(records.Current.Record);
                pending.Add(prospect.Key(_job.OutreachKey), prospect.Name(), prospect.Stage());
                if (pending.IsFull)
                {
                    JoinPending(pending);
                }
            }

            JoinPending(pending);
        }

        /// <summary>
        /// Matches a batch of prospects in file order: their keys are made first, each asking for its slot of the
        /// key set, so the lookups that follow find their slots in the cache rather than each waiting for memory.
        /// </summary>
        private void JoinPending(PendingProspects pending)
        {
            for (var i = 0; i < pending.Count; i++)
            {
                var key = JoinKey.From(pending.KeyValueAt(i));
                if (key is { } fetched)
                {
                    _held.Prefetch(fetched);
                }

                pending.SetJoin(i, key, _stages.ActualIndexOf(pending.StageAt(i)));
            }

            for (var i = 0; i < pending.Count; i++)
            {
                var match = Match(pending.KeyAt(i));
                if (match.Problem is { } problem)
                {
                    Report(problem, DriftSide.Outreach, pending.KeyValueAt(i), pending.NameAt(i), null, _stages.ActualAt(pending.ActualAt(i)));
                }
                else
                {
                    Pair(pending.KeyValueAt(i)!, pending.NameAt(i), null, match.Payload, pending.ActualAt(i)); // Match reports a missing key as a problem
                }
            }

            pending.Clear();
        }

        public void StreamCrm(RecordFileFormat format)
        {
            foreach (var item in Read(_job.CrmPath, format, "Joining the CRM records", _scan))
            {
                _crmRead++;
                var key = DriftRecords.CrmKey(item.Record, _job.CrmKey);
                var outcome = _stages.Outcome(item);
                var match = Match(JoinKey.From(key));
                if (match.Problem is { } problem)
                {
                    Report(problem, DriftSide.Crm, key, DriftRecords.CrmName(item.Record), outcome.Status);
                }
                else
                {
                    Pair(key!, null, item.Record, _outcomes.IndexOf(outcome), match.Payload); // Match reports a missing key as a problem
                }
            }
        }

        /// <summary>
        /// Starts pass 3 beside pass 2 (<see cref="UnmatchedScan"/>): it reads the held file again on a thread
        /// of its own, with readers of its own, and only looks at the key set.
        /// </summary>
        public void StartUnmatchedScan(DriftSide heldSide, RecordFileFormat format)
        {
            var stages = OtherThreadStages();
            var held = _held;
            Func<IInputRecord, Unmatched?> candidate = heldSide == DriftSide.Crm
                ? record =>
                {
                    var value = DriftRecords.CrmKey(record, _job.CrmKey);
                    return JoinKey.From(value) is not { } key || held.SeenTaken(key)
                        ? null
                        : new Unmatched(key, Kept(value), Kept(DriftRecords.CrmName(record)), stages.Status(record), null);
                }
                : record =>
                {
                    var prospect = DriftRecords.Prospect(record);
                    var value = prospect.Key(_job.OutreachKey);
                    return JoinKey.From(value) is not { } key || held.SeenTaken(key)
                        ? null
                        : new Unmatched(key, Kept(value), Kept(prospect.Name()), null, stages.ActualAt(stages.ActualIndex(prospect)));
                };
            _scan = UnmatchedScan.Start(heldSide == DriftSide.Crm ? _job.CrmPath : _job.OutreachPath, format, candidate, _cancellation);
        }

        /// <summary>Pass 3: the held records no record of the other file joined, with their names, in the file's order.</summary>
        public void ReportUnmatched(DriftSide heldSide, RecordFileFormat format)
        {
            if (_held.AllTaken)
            {
                return;
            }

            if (_scan is not null && _scan.Finish(c =>
                {
                    if (_held.TryTake(c.Key, out _) == KeyTake.Taken)
                    {
                        Report(DriftProblem.NoPartner, heldSide, c.KeyText, c.Name, c.Status, c.Actual);
                    }
                }))
            {
                return;
            }

            // The scan gave up (too many candidates): the file is read again here.
            var path = heldSide == DriftSide.Crm ? _job.CrmPath : _job.OutreachPath;
            foreach (var item in Read(path, format, "Listing the records without a partner"))
            {
                if (heldSide == DriftSide.Crm)
                {
                    var key = DriftRecords.CrmKey(item.Record, _job.CrmKey);
                    if (TakeUnmatched(key))
                    {
                        Report(DriftProblem.NoPartner, DriftSide.Crm, key, DriftRecords.CrmName(item.Record), _stages.Status(item.Record));
                    }
                }
                else
                {
                    var prospect = DriftRecords.Prospect(item.Record);
                    var key = prospect.Key(_job.OutreachKey);
                    if (TakeUnmatched(key))
                    {
                        Report(DriftProblem.NoPartner, DriftSide.Outreach, key, prospect.Name(), null, _stages.ActualAt(_stages.ActualIndex(prospect)));
                    }
                }
            }
        }

        public void Dispose() => _scan?.Dispose();

        public DriftSummary Summary(DriftSide heldSide, TimeSpan elapsed) => new()
        {
            Object = _job.Object,
            CrmRead = _crmRead,
            OutreachRead = _outreachRead,
            Pairs = _pairs,
            Matching = _pairs - _drifted,
            Drifted = _drifted,
            CrmOnly = _crmOnly,
            OutreachOnly = _outreachOnly,
            CrmDuplicates = _crmDuplicates,
            OutreachDuplicates = _outreachDuplicates,
            HeldSide = heldSide,
            HeldKeys = _held.Count,
            CrossTab = _crossTab.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key.Status, StringComparer.Ordinal).ThenBy(c => c.Key.Stage, StringComparer.Ordinal)
                .Select(c => new DriftCell(c.Key.Status, c.Key.Stage, c.Value.Count, c.Value.Drifted)).ToList(),
            Reasons = _reasons.OrderByDescending(r => r.Value.Count).ThenBy(r => r.Key.Reason).ThenBy(r => r.Key.Status, StringComparer.Ordinal)
                .Select(r => new DriftReasonCount(r.Key.Reason, r.Key.Status, r.Key.ErrorId, r.Value.Count)).ToList(),
            Elapsed = elapsed,
            CrmPath = _job.CrmPath,
            OutreachPath = _job.OutreachPath,
            OutFile = _job.OutFile,
        };

        /// <summary>
        /// Sizes the key set for the file's records, estimated from the first few megabytes, so it is
        /// allocated once: grown by doubling, a million keys would leave each smaller table behind.
        /// </summary>
        private void Presize(string path, RecordFileFormat format)
        {
            using var reader = RecordFileReaders.Open(path, format, reuseRecords: true);
            long records = 0;
            foreach (var _ in reader.Read())
            {
                if (++records % 1024 == 0 && reader.Position >= SampleBytes)
                {
                    break;
                }
            }

            var estimate = records == 0 || reader.Position == 0 ? records : (long)(records * (double)reader.Length / reader.Position * 1.1) + 16;
            _held = new KeySet((int)Math.Min(estimate, int.MaxValue / 2));
        }

        private DriftProblem? Hold(object? key, int payload)
        {
            var normal = JoinKey.From(key);
            if (normal is null)
            {
                return DriftProblem.NoKey;
            }

            return _held.TryAdd(normal.Value, payload) ? null : DriftProblem.Duplicate;
        }

        private (DriftProblem? Problem, int Payload) Match(JoinKey? normal)
        {
            if (normal is null)
            {
                return (DriftProblem.NoKey, 0);
            }

            return _held.TryTake(normal.Value, out var payload) switch
            {
                KeyTake.Missing => (DriftProblem.NoPartner, 0),
                KeyTake.TakenBefore => (DriftProblem.Duplicate, 0),
                _ => (null, payload),
            };
        }

        private bool TakeUnmatched(object? key) =>
            JoinKey.From(key) is { } normal && _held.TryTake(normal, out _) == KeyTake.Taken;

        /// <summary>A joined pair: counted, and reported when it drifts, named by the prospect's name or else from the CRM record at hand (looked up only then).</summary>
        private void Pair(object key, NameParts? prospectName, IInputRecord? crmRecord, int outcomeIndex, int actualIndex)
        {
            _pairs++;
            var kind = PairKindOf(outcomeIndex, actualIndex);
            kind.Cell.Count++;
            if (kind.Reason is not { } reason)
            {
                return;
            }

            _drifted++;
            kind.Cell.Drifted++;
            reason.Count++;
            if (_findings.Wanted)
            {
                var name = prospectName ?? DriftRecords.CrmName(crmRecord!); // a pair holds one side at least
                _findings.Drift(key, name, kind.Outcome, kind.Verdict, kind.Actual);
            }
        }

        /// <summary>
        /// The verdict on a pair of this outcome and this stage, with the counts it adds to: the same for
        /// every such pair, so worked out once (there are few outcomes and few stages).
        /// </summary>
        private PairKind PairKindOf(int outcomeIndex, int actualIndex)
        {
            var small = outcomeIndex < FewKinds && actualIndex < FewKinds;
            if (small && _fewPairKinds[(outcomeIndex * FewKinds) + actualIndex] is { } few)
            {
                return few;
            }

            var combination = ((long)outcomeIndex << 32) | (uint)actualIndex;
            if (_pairKinds.TryGetValue(combination, out var kind))
            {
                return kind;
            }

            var outcome = _outcomes[outcomeIndex];
            var actual = _stages.ActualAt(actualIndex);
            var verdict = DriftVerdict.Of(outcome, actual, _stages);
            var status = outcome.Status ?? "(blank)";
            var cellKey = (status, actual.Display ?? "(no stage)");
            if (!_crossTab.TryGetValue(cellKey, out var cell))
            {
                cell = new Tally();
                _crossTab.Add(cellKey, cell);
            }

            Tally? reason = null;
            if (verdict.Reason is { } why)
            {
                var reasonKey = (why, status, outcome.Failure?.ErrorId);
                if (!_reasons.TryGetValue(reasonKey, out reason))
                {
                    reason = new Tally();
                    _reasons.Add(reasonKey, reason);
                }
            }

            kind = new PairKind(outcome, actual, verdict, cell, reason);
            _pairKinds.Add(combination, kind);
            if (small)
            {
                _fewPairKinds[(outcomeIndex * FewKinds) + actualIndex] = kind;
            }

            return kind;
        }

        private void Report(DriftProblem problem, DriftSide side, object? key, NameParts name, string? status, ActualStage? actual = null)
        {
            var crm = side == DriftSide.Crm;
            if (problem == DriftProblem.Duplicate)
            {
                if (crm) _crmDuplicates++; else _outreachDuplicates++;
            }
            else
            {
                if (crm) _crmOnly++; else _outreachOnly++;
            }

            _findings.Problem(problem, side, key, name, status, actual, crm ? _job.CrmKey ?? DriftRecords.DefaultCrmKey : _job.OutreachKey ?? DriftRecords.DefaultOutreachKey);
        }

        /// <summary>A record's value as text of its own (a reader's text is valid for its record only); null for none.</summary>
        private static string? Kept(object? value) => DriftRecords.Text(value);

        private static NameParts Kept(NameParts name) => new(Kept(name.Whole), Kept(name.First), Kept(name.Last));

        /// <param name="scan">Told the share of the file read as the reading goes.</param>
        /// <param name="opened">Told the reader before its first record.</param>
        private IEnumerable<InputItem> Read(string path, RecordFileFormat format, string activity, UnmatchedScan? scan = null, Action<IRecordFileReader>? opened = null)
        {
            using var reader = RecordFileReaders.Open(path, format, reuseRecords: true);
            opened?.Invoke(reader);
            long count = 0;
            foreach (var item in reader.Read())
            {
                yield return item;
                if (++count % CheckEvery == 0)
                {
                    _cancellation.ThrowIfCancellationRequested();
                    scan?.Joined(reader.Length == 0 ? 0 : (double)reader.Position / reader.Length);
                    if (_progress is not null && _watch.Elapsed >= _nextProgress)
                    {
                        _progress($"{activity} ({Path.GetFileName(path)})", reader.Length == 0 ? 0 : (int)Math.Min(100, reader.Position * 100 / reader.Length));
                        _nextProgress = _watch.Elapsed + ProgressInterval;
                    }
                }
            }
        }
    }

    /// <summary>Pairs and drifted pairs counted under one heading (a cross-tab cell, a reason).</summary>
    private sealed class Tally
    {
        public long Count { get; set; }

        public long Drifted { get; set; }
    }

    /// <summary>What every pair of one CRM outcome and one prospect stage is: its verdict, its cross-tab cell, its reason's tally when it drifts.</summary>
    private sealed record PairKind(CrmOutcome Outcome, ActualStage Actual, DriftVerdict Verdict, Tally Cell, Tally? Reason);
}
