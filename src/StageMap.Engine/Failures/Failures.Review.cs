namespace StageMap.Engine;

internal static partial class Failures
{
    // Review: Compare-StageMapConfiguration, Find-StageDrift, Export-StageMapReport.

    public static StageMapException NoLeadStageMapping() => new(
        ErrorIds.NoStageMapping, FailureCategory.InvalidOperation, "Lead",
        "The configuration has no Lead field mapping that pulls the Stage, so no CRM status gives a stage to compare. Add it: New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName.");

    public static StageMapException NoContactStageMapping() => new(
        ErrorIds.NoStageMapping, FailureCategory.InvalidOperation, "Contact",
        "The configuration has no Contact field mapping that pulls the Stage Name, so no contact status gives a stage to compare. Add it: New-FieldMapping -Object Contact -OutreachField 'Stage Name' -CrmField Contact_Status__c.");
}
