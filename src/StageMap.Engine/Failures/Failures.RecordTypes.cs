namespace StageMap.Engine;

// Export-CrmMetadata -RecordType: the record type's source in the SFDX project.
internal static partial class Failures
{
    public static StageMapException RecordTypeNotInProject(string name, string project, string relative, string retrieve) => new(
        ErrorIds.RecordTypeNotFound, FailureCategory.ObjectNotFound, name,
        $"The SFDX project '{project}' has no {relative}, so the statuses of record type '{name}' cannot be added there. Retrieve it into the project first: sf project retrieve start --metadata {retrieve}");

    public static StageMapException RecordTypeListsNoValues(string path, string recordType, string field) => new(
        ErrorIds.InvalidMetadataFile, FailureCategory.InvalidData, path,
        $"'{path}' lists no values of {field} for record type '{recordType}', so the values it offers are not known and none can be added without deactivating the others. Retrieve the record type again with the field (sf project retrieve start --metadata RecordType:Contact.{recordType}), or add the values in Setup.");
}
