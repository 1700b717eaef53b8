using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion;

/// <summary>A mapped field the input did not carry, and how many records converted without it.</summary>
/// <param name="Field">The field as the input should name it: the CRM field (pull) or the Outreach attribute (push).</param>
/// <param name="NearestColumn">The input's column (property) most likely meant for it, or null.</param>
/// <param name="Records">How many records converted without it.</param>
public sealed record MissingField(string Field, string? NearestColumn, long Records)
{
    public override string ToString() =>
        $"{Field}: {Records} record(s) without it" + (NearestColumn is null ? "" : $" (nearest column '{NearestColumn}')");
}

/// <summary>
/// Watches one command's conversion for mapped fields its records do not carry at all (a CSV without
/// a Status column, or with 'Lead Status' instead). Such a record converts without the field, as
/// <see cref="FieldRule"/> does, but the admin hears of it: once per field, when the first record that converted
/// without it comes by, naming the field and the record's nearest column; and <see cref="Fields"/>
/// counts the records converted without each.
/// </summary>
public sealed class MissingFieldTally
{
    private readonly ConversionPlan _plan;
    private readonly Action<string>? _warn;
    private readonly int[] _fieldOfRule;
    private readonly List<(string Field, IReadOnlyList<string> Sources, FieldMapping Mapping)> _fields = new();
    private readonly long[] _counts;
    private readonly string?[] _nearest;
    private readonly bool[] _absent;
    private readonly long[] _firstMissedAt;
    private bool _anyAbsent;
    private long _converted;

    /// <param name="warn">Told each warning, the first time its field is missing.</param>
    public MissingFieldTally(ConversionPlan plan, Action<string>? warn = null)
    {
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        _warn = warn;
        var rules = plan.Rules;
        _fieldOfRule = new int[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            var name = plan.Direction == ConversionDirection.Pull ? rules[i].Mapping.CrmField : rules[i].SourceFields[0];
            var index = _fields.FindIndex(f => string.Equals(f.Field, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                index = _fields.Count;
                _fields.Add((name, rules[i].SourceFields, rules[i].Mapping));
            }

            _fieldOfRule[i] = index;
        }

        _counts = new long[_fields.Count];
        _nearest = new string?[_fields.Count];
        _absent = new bool[_fields.Count];
        _firstMissedAt = new long[_fields.Count];
    }

    /// <summary>Each mapped field some converted record did not carry, in the plan's order, with its count.</summary>
    public IReadOnlyList<MissingField> Fields =>
        Enumerable.Range(0, _fields.Count).Where(i => _counts[i] > 0).Select(i => new MissingField(_fields[i].Field, _nearest[i], _counts[i])).ToList();

    /// <summary>The record being converted does not carry rule <paramref name="rule"/>'s field.</summary>
    internal void MarkAbsent(int rule)
    {
        _absent[_fieldOfRule[rule]] = true;
        _anyAbsent = true;
    }

    /// <summary>The record did not convert: what it lacked does not count.</summary>
    internal void Discard()
    {
        if (_anyAbsent)
        {
            Array.Clear(_absent, 0, _absent.Length);
            _anyAbsent = false;
        }
    }

    /// <summary>The record converted: count what it lacked, and warn of a field missing for the first time.</summary>
    internal void Commit(IInputRecord record)
    {
        _converted++;
        if (!_anyAbsent)
        {
            return;
        }

        for (var i = 0; i < _absent.Length; i++)
        {
            if (_absent[i] && _counts[i]++ == 0)
            {
                _nearest[i] = NearestColumn(_fields[i].Sources, record);
                _firstMissedAt[i] = _converted;
                _warn?.Invoke(Warning(i));
            }
        }

        Discard();
    }

    /// <summary>
    /// Takes in what <paramref name="part"/> (a tally of the same plan, over the records that follow this
    /// one's) counted, as though this tally had seen its records: a field missing for the first time warns,
    /// in the order the records met them. Then empties <paramref name="part"/> for the records after.
    /// </summary>
    internal void Absorb(MissingFieldTally part)
    {
        List<int>? first = null;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (part._counts[i] == 0)
            {
                continue;
            }

            if (_counts[i] == 0)
            {
                _nearest[i] = part._nearest[i];
                _firstMissedAt[i] = _converted + part._firstMissedAt[i];
                (first ??= new List<int>()).Add(i);
            }

            _counts[i] += part._counts[i];
        }

        if (first is not null)
        {
            foreach (var i in first.OrderBy(i => part._firstMissedAt[i]))
            {
                _warn?.Invoke(Warning(i));
            }
        }

        _converted += part._converted;
        Array.Clear(part._counts, 0, part._counts.Length);
        Array.Clear(part._nearest, 0, part._nearest.Length);
        part._converted = 0;
    }

    /// <summary>
    /// The record's column most likely meant for a field: the same name but for case, white space or
    /// dashes; else the one column whose name holds the field's ('Lead Status' for Status); else one
    /// a typo away (<see cref="NearMatch.FindName"/>: 'Stauts').
    /// </summary>
    private static string? NearestColumn(IReadOnlyList<string> sources, IInputRecord record)
    {
        var columns = record.Fields.Select(f => f.Key).ToList();
        var match = NearMatch.Of(columns, c => c, _ => null);
        foreach (var source in sources)
        {
            if (match.Find(source)?.Single is { } same)
            {
                return same;
            }
        }

        var keys = sources.Select(NearMatch.Loosen).Where(k => k.Length >= 3).ToList();
        var holding = columns.Where(c => keys.Any(k => NearMatch.Loosen(c).Contains(k))).Distinct(StringComparer.Ordinal).ToList();
        if (holding.Count == 1)
        {
            return holding[0];
        }

        return sources.Select(match.FindName).FirstOrDefault(near => near is not null);
    }

    private string Warning(int index)
    {
        var (field, _, mapping) = _fields[index];
        var pull = _plan.Direction == ConversionDirection.Pull;
        var what = pull
            ? $"The input has no '{field}' field, which the {mapping.Object} mapping of Outreach field '{mapping.OutreachField}' reads: records convert without it, and Outreach keeps whatever {mapping.OutreachField} a prospect has."
            : $"The input has no '{field}' field (Outreach field '{mapping.OutreachField}'), which the {mapping.Object} mapping to CRM field '{mapping.CrmField}' reads: records convert without it, and Salesforce keeps whatever {mapping.CrmField} a record has.";
        var nearest = _nearest[index] is { } column
            ? $" Its nearest column is '{column}': rename that column to '{field}', or map the field it holds."
            : " No column of the input is close to it: check that the export selects it.";
        return what + nearest + " The command counts the records converted without it (MissingFields of the -OutFile summary).";
    }
}
