namespace StageMap.Engine;

/// <summary>The public error ids (docs/design.md, Error ids). Scripts match on these; never rename one.</summary>
public static class ErrorIds
{
    // Configuration and its file
    public const string NoCurrentConfiguration = nameof(NoCurrentConfiguration);
    public const string ConfigurationFileExists = nameof(ConfigurationFileExists);
    public const string ConfigurationFileNotFound = nameof(ConfigurationFileNotFound);
    public const string InvalidConfigurationFile = nameof(InvalidConfigurationFile);
    public const string UnsupportedSchemaVersion = nameof(UnsupportedSchemaVersion);
    public const string ConfigurationChangedOnDisk = nameof(ConfigurationChangedOnDisk);
    public const string ConfigurationSaveFailed = nameof(ConfigurationSaveFailed);
    public const string ConfigurationInUse = nameof(ConfigurationInUse);

    // Paths given to a cmdlet
    public const string PathNotFound = nameof(PathNotFound);
    public const string PathMatchesManyFiles = nameof(PathMatchesManyFiles);
    public const string RecordFilesGoTogether = nameof(RecordFilesGoTogether);

    // Stages
    public const string StageNotFound = nameof(StageNotFound);
    public const string StageAlreadyExists = nameof(StageAlreadyExists);
    public const string StageInUse = nameof(StageInUse);
    public const string InvalidStageName = nameof(InvalidStageName);

    // Lead status mappings
    public const string StageAlreadyMapped = nameof(StageAlreadyMapped);
    public const string CrmStatusAlreadyMapped = nameof(CrmStatusAlreadyMapped);
    public const string CrmStatusNotMapped = nameof(CrmStatusNotMapped);
    public const string InvalidCrmStatus = nameof(InvalidCrmStatus);

    // Field mappings
    public const string DuplicateFieldMapping = nameof(DuplicateFieldMapping);
    public const string ExternalMappedFieldRequiresLookup = nameof(ExternalMappedFieldRequiresLookup);
    public const string FieldMappingNotFound = nameof(FieldMappingNotFound);
    public const string InvalidFieldName = nameof(InvalidFieldName);

    // CRM metadata and Outreach stage files (Import-CrmMetadata, Import-OutreachStage, -FromCrm)
    public const string UnrecognizedMetadataFile = nameof(UnrecognizedMetadataFile);
    public const string InvalidMetadataFile = nameof(InvalidMetadataFile);
    public const string NoCrmLeadStatuses = nameof(NoCrmLeadStatuses);

    // Conversion (records both ways, bulk files)
    public const string UnmappedCrmStatus = nameof(UnmappedCrmStatus);
    public const string UnknownStage = nameof(UnknownStage);
    public const string UnknownLeadStatusId = nameof(UnknownLeadStatusId);
    public const string InvalidRecord = nameof(InvalidRecord);
    public const string NoConversionMappings = nameof(NoConversionMappings);
    public const string InvalidRecordFile = nameof(InvalidRecordFile);
    public const string OutputFileExists = nameof(OutputFileExists);
    public const string InvalidOutputFile = nameof(InvalidOutputFile);
    public const string OutputWriteFailed = nameof(OutputWriteFailed);

    // Get- cmdlets: a literal name that matches nothing
    public const string StageNotMapped = nameof(StageNotMapped);
    public const string CrmStatusNotFound = nameof(CrmStatusNotFound);
    public const string InvalidWildcardPattern = nameof(InvalidWildcardPattern);

    // Record types: Get-CrmRecordType, Export-CrmMetadata -RecordType
    public const string RecordTypeNotFound = nameof(RecordTypeNotFound);

    // Review (Compare-StageMapConfiguration, Find-StageDrift, Export-StageMapReport)
    public const string NoStageMapping = nameof(NoStageMapping);
    public const string InvalidConfigurationInput = nameof(InvalidConfigurationInput);

    // Live: the Salesforce org and the Outreach instance
    public const string CrmAuthenticationFailed = nameof(CrmAuthenticationFailed);
    public const string OutreachAuthenticationFailed = nameof(OutreachAuthenticationFailed);
    public const string NoCrmConnection = nameof(NoCrmConnection);
    public const string NoOutreachConnection = nameof(NoOutreachConnection);
    public const string InsecureBaseUri = nameof(InsecureBaseUri);
    public const string SalesforceCliFailed = nameof(SalesforceCliFailed);
    public const string CrmRequestFailed = nameof(CrmRequestFailed);
    public const string OutreachRequestFailed = nameof(OutreachRequestFailed);
    public const string OutreachRequestRejected = nameof(OutreachRequestRejected);
    public const string OutreachScopeMissing = nameof(OutreachScopeMissing);
    public const string LiveRequestTimedOut = nameof(LiveRequestTimedOut);
    public const string StageHasProspects = nameof(StageHasProspects);
    public const string SfdxProjectNotFound = nameof(SfdxProjectNotFound);
    public const string SfdxPathOutsideProject = nameof(SfdxPathOutsideProject);

    // Live safety: what a hostile or broken server (or project file) cannot make StageMap do
    public const string LivePagingLoop = nameof(LivePagingLoop);
    public const string LiveAnswerTooLarge = nameof(LiveAnswerTooLarge);
    public const string LiveRateLimited = nameof(LiveRateLimited);

    // Undo: the snapshot a writing sync takes first, Get-StageMapSnapshot, Restore-OutreachStage
    public const string SnapshotPathRequired = nameof(SnapshotPathRequired);
    public const string SnapshotWriteFailed = nameof(SnapshotWriteFailed);
    public const string SnapshotNotFound = nameof(SnapshotNotFound);
    public const string InvalidSnapshotFile = nameof(InvalidSnapshotFile);
    public const string SnapshotOfAnotherInstance = nameof(SnapshotOfAnotherInstance);

    // Record files: -Encoding
    public const string InvalidEncoding = nameof(InvalidEncoding);
}
