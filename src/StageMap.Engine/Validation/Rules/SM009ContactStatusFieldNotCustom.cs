using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM009: the CRM field of the Contact Stage Name mapping is not a custom field (its API name does not
/// end in __c). "Since Contact Status in most CRMs is a custom field, it does not come out of the
/// box": a standard field there is most likely the wrong one. The Suggestion is the contact status
/// field of the CRM metadata (Contact_Status__c unless Import-CrmMetadata was told another).
/// </summary>
public sealed class SM009ContactStatusFieldNotCustom : ValidationRule
{
    public override string Id => "SM009";

    public override Severity Severity => Severity.Warning;

    public override string Title => "The contact status CRM field is not a custom field (__c)";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var mapping = context.ContactStageNameMapping;
        if (mapping is null || IsCustom(mapping.CrmField))
        {
            yield break;
        }

        var statusField = context.Metadata.ContactStatusField;
        var suggestion = IsCustom(statusField) ? statusField.Trim() : null;
        yield return Report(
            CrmObject.Contact,
            mapping.CrmField,
            $"The Contact {Quoted(mapping.OutreachField)} mapping syncs with CRM field {Quoted(mapping.CrmField)}, which is not a custom field (its API name does not end in __c). "
            + "Contact status is a custom picklist in most CRMs, usually Contact_Status__c: check the field's API name in Salesforce and map that: "
            + $"Remove-FieldMapping -Object Contact -OutreachField {Ps(mapping.OutreachField)}; New-FieldMapping -Object Contact -OutreachField {Ps(mapping.OutreachField)} -CrmField {(suggestion is null ? "<field>" : Ps(suggestion))}.",
            suggestion)
            with { FixCommands = Fixes(suggestion is null ? null : $"Remove-FieldMapping -Object Contact -OutreachField {Ps(mapping.OutreachField)}; New-FieldMapping -Object Contact -OutreachField {Ps(mapping.OutreachField)} -CrmField {Ps(suggestion)}") };
    }

    private static bool IsCustom(string field) => field.Trim().EndsWith("__c", System.StringComparison.OrdinalIgnoreCase);
}
