using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;

namespace StageMap.Engine.Drift;

/// <summary>
/// The held file read again for its records without a partner, on a thread of its own while the join
/// streams the other file, so the join's last pass costs the second core and not the wait for it.
/// </summary>
/// <remarks>
/// A held record is without a partner only once the other file is read to its end, so the scan keeps
/// each record whose key it has not seen taken yet as a candidate (its key, name and stage, as the
/// finding needs them), and the join reports the candidates it still has not taken when it is done,
/// in the order of the file, as the pass it replaces did. The scan keeps behind the join's progress
/// through its own file (both files are mostly in the same order, an export's), so most keys it reads
/// are taken already; past <see cref="MostCandidates"/> it gives up and the join reads the file again
/// after all, so what the scan holds stays small whatever the order.
/// </remarks>
internal sealed class UnmatchedScan : IDisposable
{
    /// <summary>Past this many candidates the scan gives up (a few hundred kilobytes of their texts).</summary>
    public const int MostCandidates = 16384;

    /// <summary>How far behind the join's share of its file the scan keeps.</summary>
    private const double Behind = 0.02;

    private const int CheckEvery = 256;

    private readonly object _gate = new();
    private readonly string _path;
    private readonly RecordFileFormat _format;
    private readonly Func<IInputRecord, Unmatched?> _candidate;
    private readonly CancellationToken _cancellation;
    private readonly List<Unmatched> _candidates = new();
    private readonly Thread _thread;
    private double _joined; // the join's share of its file read, 1 when it is done
    private bool _stopped, _gaveUp;
    private ExceptionDispatchInfo? _failure;
    private IRecordFileReader? _reader;

    /// <param name="candidate">A held record's candidate, or null when its key is taken already or it has none (run on the scan's thread).</param>
    private UnmatchedScan(string path, RecordFileFormat format, Func<IInputRecord, Unmatched?> candidate, CancellationToken cancellation)
    {
        _path = path;
        _format = format;
        _candidate = candidate;
        _cancellation = cancellation;
        _thread = new Thread(Scan) { IsBackground = true, Name = "StageMap drift: records without a partner" };
    }

    /// <summary>Starts the scan of <paramref name="path"/> (a failure to open it is one of <see cref="Finish"/>'s).</summary>
    public static UnmatchedScan Start(string path, RecordFileFormat format, Func<IInputRecord, Unmatched?> candidate, CancellationToken cancellation)
    {
        var scan = new UnmatchedScan(path, format, candidate, cancellation);
        scan._thread.Start();
        return scan;
    }

    /// <summary>The join has read this share (0 to 1) of its file.</summary>
    public void Joined(double share)
    {
        lock (_gate)
        {
            _joined = share;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// After the join: waits for the scan's end and gives the candidates in file order, or null when it
    /// gave up. A read that failed throws here, after <paramref name="report"/> has had the candidates
    /// before the failure, as the pass read in line would have.
    /// </summary>
    public bool Finish(Action<Unmatched> report)
    {
        Joined(1);
        _thread.Join();
        if (_gaveUp)
        {
            return false;
        }

        foreach (var candidate in _candidates)
        {
            report(candidate);
        }

        _failure?.Throw();
        return true;
    }

    /// <summary>Stops the scan (if it still runs) and closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }

    private void Scan()
    {
        try
        {
            using (_reader = RecordFileReaders.Open(_path, _format, reuseRecords: true))
            {
                long count = 0;
                foreach (var item in _reader.Read())
                {
                    if (++count % CheckEvery == 0 && !KeepBehind())
                    {
                        return;
                    }

                    if (_candidate(item.Record) is { } candidate)
                    {
                        if (_candidates.Count == MostCandidates)
                        {
                            _gaveUp = true;
                            return;
                        }

                        _candidates.Add(candidate);
                    }
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
        catch (OperationCanceledException)
        {
            _gaveUp = true; // the join is cancelled too; nothing will ask
        }
    }

    /// <summary>Waits until the join is far enough ahead in its file; false when the scan is to stop.</summary>
    private bool KeepBehind()
    {
        var share = _reader!.Length == 0 ? 1 : (double)_reader.Position / _reader.Length; // the scan reads the file it opened
        lock (_gate)
        {
            while (!_stopped && _joined < 1 && share > _joined - Behind)
            {
                Monitor.Wait(_gate, 100);
                _cancellation.ThrowIfCancellationRequested();
            }

            return !_stopped;
        }
    }
}

/// <summary>A held record the other file may have no partner for: its key as joined and as written, its name, and its side's stage.</summary>
internal sealed record Unmatched(JoinKey Key, string? KeyText, NameParts Name, string? Status, ActualStage? Actual);
