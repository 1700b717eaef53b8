using System;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;

namespace StageMap.Engine.Drift;

/// <summary>
/// Where a run's findings go. Each finding is composed once, as a row of the findings file's cells, from
/// the text the file reader holds; a findings file is written from those cells with no object or string
/// made for a finding, and without a file each becomes a <see cref="StageDrift"/> made of the same cells.
/// </summary>
internal sealed class DriftFindings
{
    /// <summary>The findings file's columns: <see cref="StageDrift"/>'s properties in order.</summary>
    public static readonly string[] Columns = { "kind", "id", "name", "crmStatus", "expectedStage", "actualStage", "reason", "errorId", "nextPull", "side", "message" };

    private const int KindCell = 0, IdCell = 1, NameCell = 2, StatusCell = 3, ExpectedCell = 4, ActualCell = 5, ReasonCell = 6, ErrorIdCell = 7, NextPullCell = 8, SideCell = 9, MessageCell = 10;

    // An enum's cell is its name, as ToString gives it (the values are 0, 1, 2, ... in order).
#pragma warning disable CA2263 // netstandard2.0 has no generic Enum.GetNames
    private static readonly string[] KindNames = Enum.GetNames(typeof(DriftKind));
    private static readonly string[] ReasonNames = Enum.GetNames(typeof(DriftReason));
    private static readonly string[] SideNames = Enum.GetNames(typeof(DriftSide));
#pragma warning restore CA2263

    private readonly RowCells _row = new(Columns.Length);
    private readonly DriftFileWriter? _file;
    private readonly Action<StageDrift>? _found;
    private DriftKind _kind;
    private DriftReason? _reason;
    private DriftSide _side;

    /// <param name="file">Where the findings are written; null to hand each to <paramref name="found"/> (or to no one).</param>
    public DriftFindings(DriftFileWriter? file, Action<StageDrift>? found)
    {
        _file = file;
        _found = file is null ? found : null;
    }

    /// <summary>Whether findings are kept at all (a run without a file or a receiver only counts them).</summary>
    public bool Wanted => _file is not null || _found is not null;

    /// <summary>A joined pair whose stages disagree; <paramref name="key"/> and the name are the record's values as read.</summary>
    public void Drift(object key, NameParts name, CrmOutcome outcome, DriftVerdict verdict, ActualStage actual)
    {
        Start(DriftKind.Drift, verdict.Reason, DriftSide.Crm, key, name);
        _row.Set(StatusCell, outcome.Status);
        _row.Set(ExpectedCell, verdict.Expected);
        _row.Set(ActualCell, actual.Display);
        _row.Set(ErrorIdCell, outcome.Failure?.ErrorId);
        _row.Set(NextPullCell, verdict.NextPull);
        _row.Set(MessageCell, verdict.Message);
        Send();
    }

    /// <summary>A record only one file has, or whose key an earlier record of its file has.</summary>
    /// <param name="keyField">The field the record's side takes its key from (named when the record has none).</param>
    public void Problem(DriftProblem problem, DriftSide side, object? key, NameParts name, string? status, ActualStage? actual, string keyField)
    {
        var crm = side == DriftSide.Crm;
        Start(problem == DriftProblem.Duplicate ? DriftKind.DuplicateKey : crm ? DriftKind.CrmOnly : DriftKind.OutreachOnly, null, side, key, name);
        _row.Set(StatusCell, status);
        _row.Set(ActualCell, actual?.Display);
        _row.Start(MessageCell);
        if (problem == DriftProblem.Duplicate)
        {
            _row.Append("Key '");
            _row.Append(_row.Text(IdCell));
            _row.Append(crm ? "' is also on an earlier CRM record of this file; this one is not joined." : "' is also on an earlier prospect of this file; this one is not joined.");
        }
        else if (problem == DriftProblem.NoKey)
        {
            _row.Append(crm ? "The CRM record has no " : "The prospect has no ");
            _row.Append(keyField);
            _row.Append(" value, so it joins nothing.");
        }
        else
        {
            _row.Append(crm ? "No prospect has key '" : "No CRM record has key '");
            _row.Append(_row.Text(IdCell));
            _row.Append("'.");
        }

        Send();
    }

    private void Start(DriftKind kind, DriftReason? reason, DriftSide side, object? key, NameParts name)
    {
        _kind = kind;
        _reason = reason;
        _side = side;
        _row.Clear();
        _row.Set(KindCell, KindNames[(int)kind]);
        _row.Set(ReasonCell, reason is { } why ? ReasonNames[(int)why] : null);
        _row.Set(SideCell, SideNames[(int)side]);
        _row.Start(IdCell);
        if (!AppendText(key))
        {
            _row.Set(IdCell, null);
        }

        _row.Start(NameCell);
        if (!AppendText(name.Whole))
        {
            var first = AppendText(name.First);
            if (first)
            {
                _row.Append(" ");
            }

            if (!AppendText(name.Last))
            {
                if (first)
                {
                    _row.Drop(1);
                }
                else
                {
                    _row.Set(NameCell, null);
                }
            }
        }
    }

    /// <summary>Appends a value's text as <see cref="DriftRecords.Text"/> gives it (trimmed); false for none (blank, or not a single value).</summary>
    private bool AppendText(object? value)
    {
        if (!RecordValue.IsScalar(value) || RecordValue.IsBlank(value))
        {
            return false;
        }

        _row.Append(value is TextSlice slice ? slice.Span.Trim() : RecordValue.Text(value).AsSpan().Trim());
        return true;
    }

    private void Send()
    {
        if (_file is not null)
        {
            _file.Write(_row);
        }
        else
        {
            _found?.Invoke(new StageDrift(_kind, _row.String(IdCell), _row.String(NameCell), _row.String(StatusCell), _row.String(ExpectedCell), _row.String(ActualCell), _reason, _row.String(ErrorIdCell), _row.String(NextPullCell), _side, _row.String(MessageCell)!));
        }
    }
}

/// <summary>Why a record is not joined.</summary>
internal enum DriftProblem
{
    /// <summary>It has no key.</summary>
    NoKey,

    /// <summary>No record of the other file has its key.</summary>
    NoPartner,

    /// <summary>An earlier record of its file has its key.</summary>
    Duplicate,
}

/// <summary>A record's name as its fields hold it: a whole name, else a first and a last name joined by a space.</summary>
internal readonly record struct NameParts(object? Whole, object? First, object? Last);
