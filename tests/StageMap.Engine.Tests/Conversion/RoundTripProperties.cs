using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StageMap.Engine.Conversion;
using StageMap.Engine.Model;
using Xunit.Sdk;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// prospect → Salesforce → prospect is the identity on the bidirectionally mapped fields, for generated
/// configurations (directions, placeholders, skip-empty, lookups by name and by record id, display
/// names, contact stage names) and generated prospects.
/// </summary>
/// <remarks>
/// "Identity" is what the sync promises: the prospect that comes back, applied to the original as an
/// update (a field left out keeps its value), equals the original, where every blank (null, empty,
/// white space, the internal placeholder) is one value, since the placeholder is how Outreach shows a
/// blank. Values that equal the external placeholder are left out of the generated prospects: such a
/// value cannot survive a round trip (it reads back as a blank), which about_StageMap says.
/// </remarks>
public class RoundTripProperties
{
    private static readonly object Blank = "(blank)";

    private static readonly FieldSpec[] Pool =
    {
        new("First Name", "firstName", "FirstName"),
        new("Last Name", "lastName", "LastName"),
        new("Title", "title", "Title"),
        new("Company", "company", "Company"),
        new("Email", "emails", "Email", IsList: true, IsContactPoint: true),
        new("Mobile Phone", "mobilePhones", "MobilePhone", IsList: true, IsContactPoint: true),
        new("Tags", "tags", "Interests__c", IsList: true),
    };

    [Property(MaxTest = 1000, Arbitrary = new[] { typeof(Scenarios) })]
    public void Prospect_to_Salesforce_to_prospect_is_the_identity_on_bidirectional_fields(Scenario scenario)
    {
        var configuration = scenario.Configuration();
        if (!scenario.BidirectionalFields().Any())
        {
            return; // Nothing goes both ways (NoConversionMappings in one direction is tested elsewhere).
        }

        var push = ConversionPlan.Create(configuration, scenario.Object, ConversionDirection.Push).Convert(scenario.Prospect);
        if (!push.Succeeded)
        {
            throw new XunitException($"push failed: {push.Failure!.ErrorId}: {push.Failure.Message}\n{scenario}");
        }

        var crmRecord = new FieldListRecord();
        foreach (var field in push.Record!.Fields)
        {
            crmRecord.Add(field.Key, field.Value);
        }

        if (crmRecord.Count == 0)
        {
            return; // Everything was skipped: an empty update, which changes nothing.
        }

        var pullPlan = ConversionPlan.Create(configuration, scenario.Object, ConversionDirection.Pull);
        if (!crmRecord.TryGetValue("Id", out _) && !pullPlan.SourceFields.Any(f => crmRecord.TryGetValue(f, out _)))
        {
            return; // The record carries nothing the pull maps (only ToCrm fields): nothing comes back.
        }

        var pull = pullPlan.Convert(crmRecord);
        if (!pull.Succeeded)
        {
            throw new XunitException($"pull failed: {pull.Failure!.ErrorId}: {pull.Failure.Message}\nCRM record: {push.Record}\n{scenario}");
        }

        foreach (var (attribute, options, isList) in scenario.BidirectionalFields())
        {
            scenario.Prospect.TryGetValue(attribute, out var original);
            var back = pull.Record!.TryGetValue(attribute, out var value) ? value : original;
            var expected = Normal(attribute, original, options, isList, scenario);
            var actual = Normal(attribute, back, options, isList, scenario);
            if (!Equivalent(expected, actual))
            {
                throw new XunitException($"'{attribute}' was {Show(original)} and came back {Show(back)}.\nCRM record: {push.Record}\nProspect back: {pull.Record}\n{scenario}");
            }
        }
    }

    private static object? Normal(string attribute, object? value, FieldMappingOptions options, bool isList, Scenario scenario)
    {
        if (attribute == "stage")
        {
            // A Lead's stage: its id; no stage and the stage the pull placeholder names are both a blank.
            var placeholderStage = DefaultStages.All.FirstOrDefault(s => s.Name == options.InternalEmptyPlaceholder)?.Id;
            return value is int id && id != placeholderStage ? id : Blank;
        }

        if (isList)
        {
            var items = value is IReadOnlyList<object?> list ? list.Where(i => !RecordValue.IsBlank(i)).ToList() : new List<object?>();
            return items.Count == 0 || (items.Count == 1 && RecordValue.IsPlaceholder(items[0], options.InternalEmptyPlaceholder)) ? Blank : items;
        }

        return RecordValue.IsBlank(value) || RecordValue.IsPlaceholder(value, options.InternalEmptyPlaceholder) ? Blank : value;
    }

    private static bool Equivalent(object? left, object? right) =>
        left is List<object?> l && right is List<object?> r ? l.SequenceEqual(r) : Equals(left, right);

    private static string Show(object? value) => value switch
    {
        null => "null",
        IReadOnlyList<object?> list => "[" + string.Join(", ", list.Select(Show)) + "]",
        string s => $"'{s}'",
        _ => value.ToString()!,
    };

    public sealed record FieldSpec(string OutreachField, string Attribute, string CrmField, bool IsList = false, bool IsContactPoint = false);

    /// <summary>A generated configuration and a prospect to send through it.</summary>
    public sealed class Scenario
    {
        public CrmObject Object { get; init; }

        public FieldMapping StageMapping { get; init; } = null!;

        public IReadOnlyList<(FieldSpec Spec, FieldMapping Mapping)> Fields { get; init; } = Array.Empty<(FieldSpec, FieldMapping)>();

        public FieldListRecord Prospect { get; init; } = new();

        private string StageAttribute => Object == CrmObject.Lead ? "stage" : "stageName";

        public StageMapConfiguration Configuration() =>
            Configs.With(new[] { StageMapping }.Concat(Fields.Select(f => f.Mapping)));

        public IEnumerable<(string Attribute, FieldMappingOptions Options, bool IsList)> BidirectionalFields()
        {
            if (StageMapping.Direction == SyncDirection.Bidirectional)
            {
                yield return (StageAttribute, StageMapping.Options, false);
            }

            foreach (var (spec, mapping) in Fields.Where(f => f.Mapping.Direction == SyncDirection.Bidirectional))
            {
                yield return (spec.Attribute, mapping.Options, spec.IsList);
            }
        }

        public override string ToString() =>
            $"Object {Object}; stage mapping {StageMapping.OutreachField} <> {StageMapping.CrmField} {StageMapping.Direction} [{StageMapping.Options}]; "
            + string.Join("; ", Fields.Select(f => $"{f.Mapping.OutreachField} <> {f.Mapping.CrmField} {f.Mapping.Direction} [{f.Mapping.Options}]"))
            + $"\nProspect: {string.Join(", ", Prospect.Fields.Select(f => $"{f.Key}={Show(f.Value)}"))}";
    }

    /// <summary>The generators.</summary>
    public static class Scenarios
    {
        private static readonly string[] StageNames = DefaultStages.All.Select(s => s.Name).ToArray();

        public static Arbitrary<Scenario> Scenario() => Arb.From(Generate());

        private static Gen<Scenario> Generate() =>
            from crmObject in Gen.Elements(CrmObject.Lead, CrmObject.Contact)
            from stageMapping in StageMapping(crmObject)
            from specs in Gen.SubListOf(Pool)
            from mappings in Gen.CollectToList(specs, spec => FieldMapping(crmObject, spec))
            from prospect in Prospect(crmObject, stageMapping, mappings)
            select new Scenario { Object = crmObject, StageMapping = stageMapping, Fields = mappings, Prospect = prospect };

        private static Gen<SyncDirection> Direction() =>
            Gen.Frequency((6, Gen.Constant(SyncDirection.Bidirectional)), (1, Gen.Constant(SyncDirection.ToCrm)), (1, Gen.Constant(SyncDirection.FromCrm)));

        private static Gen<FieldMapping> StageMapping(CrmObject crmObject) =>
            from direction in Direction()
            from lookForName in Gen.Elements(true, false)
            from displayName in Gen.Elements(true, false)
            from internalPlaceholder in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(StageNames).Select(n => (string?)n))
            from externalPlaceholder in Gen.Elements(null, "(no status)", "--")
            from skipPush in Gen.Elements(true, false)
            from skipPull in Gen.Elements(true, false)
            let options = new FieldMappingOptions
            {
                LookupField = crmObject == CrmObject.Lead,
                ExternalMappedField = crmObject == CrmObject.Lead,
                ExternalMappedType = crmObject == CrmObject.Lead ? "LeadStatus" : null,
                LookForName = lookForName,
                DisplayName = displayName,
                InternalEmptyPlaceholder = internalPlaceholder,
                ExternalEmptyPlaceholder = externalPlaceholder,
                SkipEmptyOnPush = skipPush,
                SkipEmptyOnPull = skipPull,
            }
            select crmObject == CrmObject.Lead
                ? new FieldMapping(CrmObject.Lead, "Stage", "Status", direction, options)
                : new FieldMapping(CrmObject.Contact, "Stage Name", "Contact_Status__c", direction, options);

        private static Gen<(FieldSpec, FieldMapping)> FieldMapping(CrmObject crmObject, FieldSpec spec) =>
            from direction in Direction()
            from internalPlaceholder in Gen.Elements(null, "(n/a)", "{empty}", "[none]")
            from externalPlaceholder in Gen.Elements(null, "[none]", "#EMPTY#")
            from skipPush in Gen.Elements(true, false)
            from skipPull in Gen.Elements(true, false)
            select (spec, new FieldMapping(crmObject, spec.OutreachField, spec.CrmField, direction, new FieldMappingOptions
            {
                InternalEmptyPlaceholder = internalPlaceholder,
                ExternalEmptyPlaceholder = externalPlaceholder,
                SkipEmptyOnPush = skipPush,
                SkipEmptyOnPull = skipPull,
            }));

        private static Gen<FieldListRecord> Prospect(CrmObject crmObject, FieldMapping stageMapping, List<(FieldSpec Spec, FieldMapping Mapping)> mappings) =>
            from id in Gen.Elements<string?>(null, "00Q5g00000AbCdEEAV", "0035g00000XyZ01EAA")
            from stage in StageValue(crmObject, stageMapping.Options)
            from values in Gen.CollectToList(mappings, m => FieldValue(m.Spec, m.Mapping.Options))
            select Build(crmObject, id, stage, mappings, values);

        private static FieldListRecord Build(CrmObject crmObject, string? id, object? stage, List<(FieldSpec Spec, FieldMapping Mapping)> mappings, List<object?> values)
        {
            var prospect = new FieldListRecord();
            if (id is not null)
            {
                prospect.Add(ConversionPlan.SalesforceIdAttribute, id);
            }

            prospect.Add(crmObject == CrmObject.Lead ? "stage" : "stageName", stage);
            for (var i = 0; i < mappings.Count; i++)
            {
                prospect.Add(mappings[i].Spec.Attribute, values[i]);
            }

            return prospect;
        }

        // Lead: a mapped stage's id (1-4), the stage the pull placeholder names, or no stage.
        // Contact: a stage name exactly, the placeholder, or a blank.
        private static Gen<object?> StageValue(CrmObject crmObject, FieldMappingOptions options)
        {
            var blanks = new List<object?> { null, "", "  " };
            if (options.InternalEmptyPlaceholder is not null)
            {
                blanks.Add(crmObject == CrmObject.Lead ? Array.IndexOf(StageNames, options.InternalEmptyPlaceholder) + 1 : options.InternalEmptyPlaceholder);
            }

            var values = crmObject == CrmObject.Lead ? new object?[] { 1, 2, 3, 4 } : StageNames.Cast<object?>().ToArray();
            return Gen.Frequency((3, Gen.Elements(values)), (1, Gen.Elements(blanks.ToArray())));
        }

        private static Gen<object?> FieldValue(FieldSpec spec, FieldMappingOptions options)
        {
            var blanks = new List<object?> { null, "", " \t" };
            if (options.InternalEmptyPlaceholder is not null)
            {
                blanks.Add(options.InternalEmptyPlaceholder);
            }

            var scalar = Gen.Frequency((4, Text()), (1, Gen.Elements(blanks.ToArray())));
            if (!spec.IsList)
            {
                return scalar;
            }

            var maxItems = spec.IsContactPoint ? 1 : 3;
            return from count in Gen.Choose(0, maxItems)
                   from items in Gen.ListOf(scalar, count)
                   select (object?)new ValueList(items);
        }

        // Values a person types: never blank at either end, no ';' (the list separator), no placeholder characters.
        private static Gen<object?> Text() =>
            Gen.OneOf(
                Gen.Elements<object?>("Ada", "Grace Hopper", "O'Neil", "ACME, Inc.", "a.b@example.com", "VP - Sales", "Gödel", "x"),
                from n in Gen.Choose(0, 99999) select (object?)$"v{n} w{n % 7}");
    }
}
