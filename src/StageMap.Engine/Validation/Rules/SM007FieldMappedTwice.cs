using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM007: on one object, an Outreach field or a CRM field mapped more than once ("confirm the mapping
/// does not exist prior to adding an additional mapping to avoid syncing errors"). Outreach fields
/// compare as Outreach resolves them (plugin name or API attribute, any case); CRM field API names
/// ignore case, as Salesforce does. A mapping repeated whole is reported once, as an Outreach field.
/// </summary>
public sealed class SM007FieldMappedTwice : ValidationRule
{
    public override string Id => "SM007";

    public override Severity Severity => Severity.Error;

    public override string Title => "An Outreach field or CRM field mapped twice on one object";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var mappings = context.Content.FieldMappings;
        foreach (var group in Repeated(mappings, m => $"{m.Object}\n{OutreachFields.Resolve(m.OutreachField).Attribute}"))
        {
            var first = group[0];
            yield return Report(
                first.Object,
                first.OutreachField,
                $"On {first.Object}, Outreach field {Quoted(first.OutreachField)} is mapped {group.Count} times, to CRM fields {QuotedList(group.Select(m => m.CrmField))}. "
                + "A field is mapped once per object, or the sync fails: keep one mapping and remove the others.");
        }

        foreach (var group in Repeated(mappings, m => $"{m.Object}\n{m.CrmField.Trim()}"))
        {
            var outreachFields = group.Select(m => m.OutreachField).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (outreachFields.Count > 1)
            {
                var first = group[0];

                // Remove one that is not a Stage mapping (removing that one would draw SM006); a complete fix only with two mappings of two fields.
                var removable = outreachFields.LastOrDefault(f => !IsStageField(f)) ?? outreachFields[1];
                var remove = $"Remove-FieldMapping -Object {first.Object} -OutreachField {Ps(removable)}";
                yield return Report(
                    first.Object,
                    first.CrmField,
                    $"On {first.Object}, CRM field {Quoted(first.CrmField)} is mapped from {outreachFields.Count} Outreach fields: {QuotedList(outreachFields)}. "
                    + $"A field is mapped once per object, or the sync fails: keep one, for example {remove}.")
                    with { FixCommands = group.Count == 2 && !IsStageField(removable) ? Fixes(remove) : Fixes() };
            }
        }
    }

    private static bool IsStageField(string outreachField) =>
        OutreachFields.AreSame(outreachField, OutreachFields.Stage.Name) || OutreachFields.AreSame(outreachField, OutreachFields.StageName.Name);

    /// <summary>The mappings sharing a key (ignoring case) with another, grouped, in the order the keys first appear.</summary>
    private static IEnumerable<List<FieldMapping>> Repeated(IReadOnlyList<FieldMapping> mappings, Func<FieldMapping, string> key)
    {
        var groups = new Dictionary<string, List<FieldMapping>>(mappings.Count, StringComparer.OrdinalIgnoreCase);
        var inOrder = new List<List<FieldMapping>>();
        foreach (var mapping in mappings)
        {
            var k = key(mapping);
            if (!groups.TryGetValue(k, out var group))
            {
                groups[k] = group = new List<FieldMapping>(1);
                inOrder.Add(group);
            }

            group.Add(mapping);
        }

        return inOrder.Where(g => g.Count > 1);
    }
}
