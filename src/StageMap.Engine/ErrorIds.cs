namespace StageMap.Engine;

/// <summary>The public error ids (DESIGN §3 and the issues). Scripts match on these; never rename one.</summary>
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

    // CRM metadata and Outreach stage files (issue 4: Import-CrmMetadata, Import-OutreachStage, -FromCrm)
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

    // Record files (issue 8): -Encoding
    public const string InvalidEncoding = nameof(InvalidEncoding);
}
