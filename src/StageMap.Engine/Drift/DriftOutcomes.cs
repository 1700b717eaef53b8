using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;

namespace StageMap.Engine.Drift;

/// <summary>What the next pull does with a CRM record's stage.</summary>
internal enum PullKind
{
    /// <summary>Writes <see cref="CrmOutcome.ExpectedId"/>.</summary>
    Stage,

    /// <summary>Clears the stage (a blank status, no placeholder, no skip).</summary>
    Cleared,

    /// <summary>Leaves the stage alone (a blank status with SkipEmptyOnPull).</summary>
    Kept,

    /// <summary>Rejects the record (<see cref="CrmOutcome.Failure"/>).</summary>
    Failed,
}

/// <summary>
/// A CRM record's stage under the configuration: what its status is and what the pull makes of it.
/// Records with the same status share one (they are interned), so the join holds an index per key; a
/// value, so reading a record makes no object.
/// </summary>
internal readonly record struct CrmOutcome(string? Status, PullKind Kind, int? ExpectedId, ConversionFailure? Failure)
{
    // Interned once per CRM record: the status is hashed by its length, not its characters (statuses are few,
    // so they share few buckets, and equal statuses have equal lengths as equality needs).
    public override int GetHashCode() => HashCode.Combine(Status?.Length ?? -1, Kind, ExpectedId, Failure);
}

/// <summary>A prospect's stage: a stage of the configuration, one it does not have, or none (a value, interned like <see cref="CrmOutcome"/>).</summary>
internal readonly record struct ActualStage(int? Id, string? Display, bool Known)
{
    public static ActualStage None { get; } = new(null, null, true);

    public bool IsNone => Display is null;
}

/// <summary>Values stored once and referred to by index.</summary>
internal sealed class InternTable<T>
    where T : notnull
{
    private readonly Dictionary<T, int> _indexes = new();
    private readonly List<T> _items = new();

    public int IndexOf(T item)
    {
        if (!_indexes.TryGetValue(item, out var index))
        {
            index = _items.Count;
            _items.Add(item);
            _indexes.Add(item, index);
        }

        return index;
    }

    public T this[int index] => _items[index];
}

/// <summary>Reads each side's stage: the CRM record through the configuration's pull, the prospect's as it is.</summary>
internal sealed class DriftStages
{
    /// <summary>Past this many distinct statuses, a status read is made a string each time.</summary>
    private const int MostStatuses = 64;

    /// <summary>Stage numbers below this are resolved once each.</summary>
    private const int SmallStageNumbers = 1024;

    private readonly StageMapConfiguration _configuration;
    private readonly CrmObject _crmObject;
    private readonly ConversionPlan _plan;
    private readonly ConversionLookups _lookups;
    private readonly ConvertedRecord _buffer;
    private readonly int _stageSlot;
    private readonly string _statusField;
    private readonly Dictionary<string, string> _nextPulls = new(System.StringComparer.Ordinal);
    private readonly List<string> _statuses = new();
    private readonly InternTable<ActualStage> _actuals = new();
    private readonly int[] _actualByNumber = Enumerable.Repeat(-1, SmallStageNumbers).ToArray();
    private readonly List<KeyValuePair<string, int>> _actualByText = new();

    /// <exception cref="StageMapException">NoConversionMappings, NoStageMapping.</exception>
    public DriftStages(StageMapConfiguration configuration, CrmObject crmObject)
    {
        _configuration = configuration;
        _crmObject = crmObject;
        _plan = ConversionPlan.Create(configuration, crmObject, ConversionDirection.Pull);
        _lookups = new ConversionLookups(configuration);
        _buffer = new ConvertedRecord(_plan, new object?[_plan.OutputFields.Count]);
        _stageSlot = _plan.SlotOf(StageRule.StageAttribute);
        var mapping = StageMappingOf(configuration, crmObject);
        if (_stageSlot < 0 || mapping is null)
        {
            throw crmObject == CrmObject.Lead ? Failures.NoLeadStageMapping() : Failures.NoContactStageMapping();
        }

        _statusField = mapping.CrmField;
    }

    /// <summary>The CRM field that holds the status (the Stage mapping's CRM field).</summary>
    public string StatusField => _statusField;

    /// <summary>The CRM fields a record's outcome reads: the pull's sources, the id, attributes (type and url) and the status.</summary>
    public IEnumerable<string> FieldsRead => _plan.SourceFields.Concat(new[] { ConversionPlan.IdField, "attributes", _statusField });

    public Stage? StageById(int id) => _lookups.StageById(id);

    /// <summary>What the next pull does with a record of the expected stage: "stage 'name'", made once per stage.</summary>
    public string NextPullText(string expected)
    {
        if (!_nextPulls.TryGetValue(expected, out var text))
        {
            text = $"stage '{expected}'";
            _nextPulls.Add(expected, text);
        }

        return text;
    }

    /// <summary>Another reader of the same stages, for another thread (one reuses its buffers record after record).</summary>
    public DriftStages ForAnotherThread() => new(_configuration, _crmObject);

    /// <summary>The CRM record's status, as its outcome has it.</summary>
    public string? Status(IInputRecord record) => StatusText(DriftRecords.Value(record, _statusField));

    public CrmOutcome Outcome(InputItem item)
    {
        var status = Status(item.Record);
        var failure = item.Failure;
        if (failure is null)
        {
            var result = _plan.Convert(item.Record, _buffer);
            failure = result.Failure;
        }

        if (failure is not null)
        {
            return new CrmOutcome(status, PullKind.Failed, null, failure);
        }

        if (!_buffer.IsWritten(_stageSlot))
        {
            return new CrmOutcome(status, PullKind.Kept, null, null);
        }

        return _buffer.ValueAt(_stageSlot) is int id
            ? new CrmOutcome(status, PullKind.Stage, id, null)
            : new CrmOutcome(status, PullKind.Cleared, null, null);
    }

    /// <summary>
    /// The prospect's stage, as an index of <see cref="ActualAt"/>: prospects share a few stages, so each
    /// stage number and stage text seen is resolved once (text where the file reader holds it matched in place).
    /// </summary>
    public int ActualIndex(Prospect prospect) => ActualIndexOf(prospect.Stage());

    /// <summary><see cref="ActualIndex"/> of a stage value as a prospect holds it.</summary>
    public int ActualIndexOf(object? value)
    {
        if (value is long number && number is >= 0 and < SmallStageNumbers)
        {
            var known = _actualByNumber[number];
            if (known < 0)
            {
                known = _actuals.IndexOf(Actual(value));
                _actualByNumber[number] = known;
            }

            return known;
        }

        if (value is not TextSlice slice)
        {
            return _actuals.IndexOf(Actual(value));
        }

        var text = slice.Span;
        foreach (var seen in _actualByText)
        {
            if (text.SequenceEqual(seen.Key.AsSpan()))
            {
                return seen.Value;
            }
        }

        var index = _actuals.IndexOf(Actual(value));
        if (_actualByText.Count < MostStatuses)
        {
            _actualByText.Add(new KeyValuePair<string, int>(slice.ToString(), index));
        }

        return index;
    }

    public ActualStage ActualAt(int index) => _actuals[index];

    private ActualStage Actual(object? value)
    {
        if (RecordValue.IsBlank(value) || !RecordValue.IsScalar(value))
        {
            return ActualStage.None;
        }

        var stage = _lookups.ResolveStage(value);
        if (stage is not null)
        {
            return new ActualStage(stage.Id, stage.Name, Known: true);
        }

        var text = RecordValue.Text(value).Trim();
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? new ActualStage(id, $"stage id {id}", Known: false)
            : new ActualStage(null, text, Known: false);
    }

    /// <summary>
    /// A status as <see cref="DriftRecords.Text"/> gives it. Statuses are few and every record has one:
    /// each is made a string once, and text where the file reader holds it is matched to those in place.
    /// </summary>
    private string? StatusText(object? value)
    {
        if (value is not TextSlice slice)
        {
            return DriftRecords.Text(value);
        }

        var text = slice.Span.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        foreach (var known in _statuses)
        {
            if (text.SequenceEqual(known.AsSpan()))
            {
                return known;
            }
        }

        var made = text.ToString();
        if (_statuses.Count < MostStatuses)
        {
            _statuses.Add(made);
        }

        return made;
    }

    /// <summary>The object's first field mapping that pulls into the stage (Stage on Lead, Stage or Stage Name on Contact).</summary>
    private static FieldMapping? StageMappingOf(StageMapConfiguration configuration, CrmObject crmObject)
    {
        foreach (var mapping in configuration.FieldMappings)
        {
            if (mapping.Object == crmObject && mapping.Direction != SyncDirection.ToCrm
                && OutreachFields.Resolve(mapping.OutreachField).Attribute is StageRule.StageAttribute or StageRule.StageNameAttribute)
            {
                return mapping;
            }
        }

        return null;
    }
}
