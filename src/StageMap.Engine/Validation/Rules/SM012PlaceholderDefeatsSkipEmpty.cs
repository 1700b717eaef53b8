using System.Collections.Generic;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM012: a placeholder and skip-empty set for the same direction of one field mapping. A blank gets
/// the placeholder first (docs/design.md, Conversion), so the skip never happens. Push: ExternalEmptyPlaceholder with
/// SkipEmptyOnPush; pull: InternalEmptyPlaceholder with SkipEmptyOnPull. An empty placeholder counts
/// as not set.
/// </summary>
public sealed class SM012PlaceholderDefeatsSkipEmpty : ValidationRule
{
    public override string Id => "SM012";

    public override Severity Severity => Severity.Warning;

    public override string Title => "A placeholder and skip-empty set for the same direction";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        foreach (var mapping in context.Content.FieldMappings)
        {
            var options = mapping.Options;
            var set = $"Set-FieldMapping -Object {mapping.Object} -OutreachField {Ps(mapping.OutreachField)}";
            if (options.SkipEmptyOnPush && !string.IsNullOrEmpty(options.ExternalEmptyPlaceholder))
            {
                yield return Report(
                    mapping.Object,
                    mapping.OutreachField,
                    $"The {mapping.Object} field mapping {Quoted(mapping.OutreachField)} has both ExternalEmptyPlaceholder {Quoted(options.ExternalEmptyPlaceholder)} and SkipEmptyOnPush: "
                    + "a blank sent to Salesforce gets the placeholder, so the skip never happens. "
                    + $"Keep the one you mean: {set} -SkipEmptyOnPush:$false to write the placeholder, or {set} -ExternalEmptyPlaceholder '' to leave Salesforce's value alone.")
                    with { FixCommands = Fixes($"{set} -SkipEmptyOnPush:$false", $"{set} -ExternalEmptyPlaceholder ''") };
            }

            if (options.SkipEmptyOnPull && !string.IsNullOrEmpty(options.InternalEmptyPlaceholder))
            {
                yield return Report(
                    mapping.Object,
                    mapping.OutreachField,
                    $"The {mapping.Object} field mapping {Quoted(mapping.OutreachField)} has both InternalEmptyPlaceholder {Quoted(options.InternalEmptyPlaceholder)} and SkipEmptyOnPull: "
                    + "a blank loaded from Salesforce gets the placeholder, so the skip never happens. "
                    + $"Keep the one you mean: {set} -SkipEmptyOnPull:$false to write the placeholder, or {set} -InternalEmptyPlaceholder '' to leave Outreach's value alone.")
                    with { FixCommands = Fixes($"{set} -SkipEmptyOnPull:$false", $"{set} -InternalEmptyPlaceholder ''") };
            }
        }
    }
}
