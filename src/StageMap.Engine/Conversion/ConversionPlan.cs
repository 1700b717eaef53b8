using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Conversion;

/// <summary>
/// How records of one object convert in one direction, built once per command from a configuration:
/// the field mappings of that direction (pull: Bidirectional or FromCrm; push: Bidirectional or
/// ToCrm) as rules, and the lookup tables they use. <see cref="Convert(IInputRecord)"/> then costs no exception
/// per record: a record that cannot convert comes back as a <see cref="ConversionFailure"/>.
/// </summary>
/// <remarks>
/// The CRM record id travels: pull reads <c>Id</c> (or, when a query record has none, the id at the end
/// of <c>attributes.url</c>) and writes it as <see cref="SalesforceIdAttribute"/>; push reads that and
/// writes <c>Id</c>, so a pushed record is an update of the record it came from.
/// </remarks>
public sealed class ConversionPlan
{
    /// <summary>The Outreach-side property that carries the Salesforce record id.</summary>
    public const string SalesforceIdAttribute = "salesforceId";

    /// <summary>The Salesforce record id field.</summary>
    public const string IdField = "Id";

    private readonly List<FieldRule> _rules = new();
    private readonly List<string> _outputFields = new();
    private readonly Dictionary<string, int> _slots = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _warnings = new();
    private readonly string _idSource;
    private readonly int _idSlot;
    private readonly string _objectName;
    private readonly StageMapConfiguration _configuration;
    private byte[][]? _jsonNames;

    // The last file header's binding: a cache of an object that never changes, so threads may race to set it.
    private volatile ColumnBinding? _binding;

    private ConversionPlan(StageMapConfiguration configuration, CrmObject crmObject, ConversionDirection direction)
    {
        _configuration = configuration;
        Object = crmObject;
        _objectName = crmObject.ToString();
        Direction = direction;
        var lookups = new ConversionLookups(configuration);
        var pull = direction == ConversionDirection.Pull;
        _idSource = pull ? IdField : SalesforceIdAttribute;
        _idSlot = Slot(pull ? SalesforceIdAttribute : IdField);

        var wanted = pull ? SyncDirection.FromCrm : SyncDirection.ToCrm;
        foreach (var mapping in configuration.FieldMappings.Where(m => m.Object == crmObject && (m.Direction == SyncDirection.Bidirectional || m.Direction == wanted)))
        {
            var field = OutreachFields.Resolve(mapping.OutreachField);
            FieldRule rule = field.Attribute switch
            {
                StageRule.StageAttribute when crmObject == CrmObject.Lead => new StageLookupRule(mapping, direction, lookups, Slot),
                StageRule.StageAttribute or StageRule.StageNameAttribute => new StageNameRule(mapping, direction, lookups, Slot),
                _ => new ValueRule(mapping, direction, field, Slot),
            };
            _rules.Add(rule);
        }

        if (_rules.Count == 0)
        {
            throw Failures.NoConversionMappings(crmObject.ToString(), direction == ConversionDirection.Pull);
        }

        var stageRule = _rules.OfType<StageLookupRule>().FirstOrDefault();
        if (crmObject == CrmObject.Lead && stageRule is null && lookups.HasLeadStatusMappings)
        {
            _warnings.Add($"The configuration maps lead statuses but has no Lead Stage <> Status field mapping that {(pull ? "pulls" : "pushes")}, so records convert without a stage. Test-StageMapping reports it (SM006).");
        }

        if (stageRule is not null && configuration.CrmMetadata.LeadStatusIdsMissingFor(stageRule.Mapping))
        {
            _warnings.Add("The Lead Stage mapping looks statuses up by record id (LookForName is off), but the configuration holds no LeadStatus record ids: every record with a status will fail with UnknownLeadStatusId. Import the LeadStatus records with Import-CrmMetadata, or turn LookForName on. Test-StageMapping reports it (SM015).");
        }
    }

    public CrmObject Object { get; }

    /// <summary>
    /// The same plan made again, for another thread converting at the same time. A plan can be shared (its
    /// rules keep no record's text), but what it makes as it goes (the header's <see cref="ColumnBinding"/>,
    /// the JSON names) is then made by each thread for itself, with nothing written beside another thread's.
    /// </summary>
    internal ConversionPlan ForAnotherThread() => new(_configuration, Object, Direction);

    public ConversionDirection Direction { get; }

    /// <summary>Every field a converted record can have, in order: the record id first, then the mapped fields.</summary>
    public IReadOnlyList<string> OutputFields => _outputFields;

    /// <summary>For each output field, the UTF-8 bytes of its JSON property name (<c>"name":</c>), made once for every record.</summary>
    internal byte[][] JsonNames => _jsonNames ??= _outputFields.Select(JsonOutput.EncodeName).ToArray();

    /// <summary>The input fields the mappings read.</summary>
    public IEnumerable<string> SourceFields => _rules.SelectMany(r => r.SourceFields).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rules, in the order they write their fields.</summary>
    internal IReadOnlyList<FieldRule> Rules => _rules;

    /// <summary>What the caller should tell the user once: the configuration converts, but not as they may expect.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <exception cref="StageMapException">NoConversionMappings: no field mapping of this object works in this direction.</exception>
    public static ConversionPlan Create(StageMapConfiguration configuration, CrmObject crmObject, ConversionDirection direction) =>
        new(configuration ?? throw new ArgumentNullException(nameof(configuration)), crmObject, direction);

    /// <summary>The failure for an input that is not a record at all (a string, a number, null).</summary>
    public static ConversionFailure NotARecord(object? input) => Failures.NotARecord(input);

    /// <summary>The position of <paramref name="field"/> in <see cref="OutputFields"/>, or -1.</summary>
    public int SlotOf(string field) => _slots.TryGetValue(field, out var slot) ? slot : -1;

    /// <summary>Converts one record; never throws for a bad record.</summary>
    public ConversionResult Convert(IInputRecord? record) => Convert(record, reuse: null);

    /// <summary>Converts one record, telling <paramref name="missing"/> which mapped fields it did not carry.</summary>
    public ConversionResult Convert(IInputRecord? record, MissingFieldTally? missing) => Convert(record, reuse: null, missing);

    /// <summary>
    /// Converts into <paramref name="reuse"/> when given (a record of this plan, overwritten): bulk
    /// conversion writes each record out before the next, so it needs one buffer, not one per record.
    /// </summary>
    internal ConversionResult Convert(IInputRecord? record, ConvertedRecord? reuse, MissingFieldTally? missing = null)
    {
        var result = ConvertRecord(record, reuse, missing);
        if (missing is not null)
        {
            if (result.Succeeded)
            {
                // A record converts only when there is one.
                missing.Commit(record!);
            }
            else
            {
                missing.Discard();
            }
        }

        return result;
    }

    private ConversionResult ConvertRecord(IInputRecord? record, ConvertedRecord? reuse, MissingFieldTally? missing)
    {
        if (record is null)
        {
            return ConversionResult.Fail(Failures.NotARecord(null));
        }

        if (record is IColumnRecord row && BindingOf(row) is { } binding)
        {
            return ConvertColumns(row, binding, reuse, missing);
        }

        if (DuplicateFieldOf(record) is { } duplicate)
        {
            return ConversionResult.Fail(Failures.DuplicateField(duplicate));
        }

        if (Direction == ConversionDirection.Pull && OtherObjectType(record) is { } type)
        {
            return ConversionResult.Fail(Failures.WrongObjectType(type, _objectName));
        }

        var target = reuse ?? new ConvertedRecord(this, new object?[_outputFields.Count]);
        var values = target.Values;
        values.AsSpan().Fill(ConvertedRecord.Omitted);

        var found = ReadId(record, values, out var failure);
        if (failure is not null)
        {
            return ConversionResult.Fail(failure);
        }

        for (var i = 0; i < _rules.Count; i++)
        {
            var carried = _rules[i].Apply(record, values, out failure);
            found |= carried;
            if (!carried)
            {
                missing?.MarkAbsent(i);
            }

            if (failure is not null)
            {
                return ConversionResult.Fail(failure);
            }
        }

        return found
            ? ConversionResult.Success(target)
            : ConversionResult.Fail(Failures.NoMappedField(SourceFields));
    }

    /// <summary>The binding of the row's header, made on its first row; null for a row without every column of the header.</summary>
    private ColumnBinding? BindingOf(IColumnRecord row)
    {
        var binding = _binding;
        if (binding is null || !ReferenceEquals(binding.Header, row.Header))
        {
            binding = ColumnBinding.Bind(row, _idSource, _rules);
            _binding = binding;
        }

        return binding.Fits(row) ? binding : null;
    }

    /// <summary>
    /// <see cref="ConvertRecord"/> for a file's row, each field read by its column: what the general path does
    /// for a record whose values are all text, none a nested record (so it has no other object type, and
    /// no id in attributes.url).
    /// </summary>
    private ConversionResult ConvertColumns(IColumnRecord row, ColumnBinding binding, ConvertedRecord? reuse, MissingFieldTally? missing)
    {
        var target = reuse ?? new ConvertedRecord(this, new object?[_outputFields.Count]);
        var values = target.Values;
        values.AsSpan().Fill(ConvertedRecord.Omitted);

        var found = false;
        if (binding.IdColumn >= 0)
        {
            found = true;
            var id = row.Column(binding.IdColumn);
            if (!id.Span.IsWhiteSpace())
            {
                values[_idSlot] = id;
            }
        }

        var columns = binding.RuleColumns;
        var fields = binding.RuleFields;
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            if (column < 0)
            {
                missing?.MarkAbsent(i);
                continue;
            }

            found = true;
            var failure = _rules[i].ConvertText(fields[i], row.Column(column), values);
            if (failure is not null)
            {
                return ConversionResult.Fail(failure);
            }
        }

        return found
            ? ConversionResult.Success(target)
            : ConversionResult.Fail(Failures.NoMappedField(SourceFields));
    }

    private bool ReadId(IInputRecord record, object?[] values, out ConversionFailure? failure)
    {
        failure = null;
        object? id = null;
        var found = record.TryGetValue(_idSource, out id);
        if (found)
        {
            if (id is IReadOnlyList<object?> { Count: 1 } single)
            {
                id = single[0];
            }

            if (!RecordValue.IsScalar(id))
            {
                failure = Failures.NotAValue(_idSource, id);
                return true;
            }
        }
        else if (Direction == ConversionDirection.Pull)
        {
            id = IdFromUrl(record);
        }

        if (!RecordValue.IsBlank(id))
        {
            values[_idSlot] = id is TextSlice ? id : RecordValue.Text(id);
            return true;
        }

        return found;
    }

    /// <summary>The first field name a record read from JSON has twice (ignoring case), or null.</summary>
    private static string? DuplicateFieldOf(IInputRecord record) => record switch
    {
        FieldListRecord list => list.DuplicateField,
        Bulk.JsonObjectRecord json => json.DuplicateField,
        _ => null,
    };

    /// <summary>attributes.type of a Salesforce query or tree record when it names another object than the plan's, or null.</summary>
    private string? OtherObjectType(IInputRecord record)
    {
        if (!record.TryGetValue("attributes", out var attributes) || attributes is not IInputRecord a || !a.TryGetValue("type", out var type))
        {
            return null;
        }

        // Text where the file reader holds it is compared in place: a string is made only for the failure.
        if (type is TextSlice slice)
        {
            return slice.Length > 0 && !slice.Span.Equals(_objectName.AsSpan(), StringComparison.OrdinalIgnoreCase) ? slice.ToString() : null;
        }

        return type is string text && text.Length > 0 && !string.Equals(text, _objectName, StringComparison.OrdinalIgnoreCase) ? text : null;
    }

    /// <summary>The record id at the end of a query record's attributes.url (/services/data/vNN.N/sobjects/Lead/00Q...).</summary>
    private static string? IdFromUrl(IInputRecord record)
    {
        if (record.TryGetValue("attributes", out var attributes) && attributes is IInputRecord a && a.TryGetValue("url", out var url) && RecordValue.AsString(url) is { } text)
        {
            var id = text.Substring(text.LastIndexOf('/') + 1);
            return SalesforceId.IsWellFormed(id) ? id : null;
        }

        return null;
    }

    private int Slot(string field)
    {
        if (!_slots.TryGetValue(field, out var slot))
        {
            slot = _outputFields.Count;
            _slots.Add(field, slot);
            _outputFields.Add(field);
        }

        return slot;
    }
}
