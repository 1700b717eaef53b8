@{
    # One binary module: its initializer (Loading/ModuleLoader.cs) makes the engine (bin/<edition's build>/) loadable.
    RootModule           = 'StageMap.Cmdlets.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b8e0c52-6f0e-4d59-9a4e-2f6d7c3a9b11'
    Author               = 'StageMap contributors'
    CompanyName          = 'StageMap'
    Copyright            = '(c) 2026 StageMap contributors. MIT License: see the LICENSE file in the module folder.'
    Description          = 'Keep the Salesforce <-> Outreach stage / status mapping as code: script it, check it against the CRM''s real metadata, print the click-path, and convert records the way the sync does.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    # No FormatsToProcess: StageMap.Format.ps1xml is loaded by the first StageMap command that runs in a session
    # (src/StageMap.Cmdlets/Infrastructure/ModuleViews.cs), which keeps the format table's rebuild out of the import.
    # One comma-separated list (one statement), not a name per line: PowerShell runs the manifest as a script, and
    # 36 statements cost about 1 % of a bare start to compile (docs/benchmarks.md, "Import, round three").
    CmdletsToExport      = @(
        'New-StageMapConfiguration',
        'Import-StageMapConfiguration',
        'Export-StageMapConfiguration',
        'Get-StageMapConfiguration',
        'Set-StageMapConfiguration',
        'Get-OutreachStage',
        'New-OutreachStage',
        'Set-OutreachStage',
        'Remove-OutreachStage',
        'New-LeadStatusMapping',
        'Get-LeadStatusMapping',
        'Set-LeadStatusMapping',
        'Remove-LeadStatusMapping',
        'New-FieldMapping',
        'Get-FieldMapping',
        'Set-FieldMapping',
        'Remove-FieldMapping',
        'Get-StageMapProcedure',
        'Import-CrmMetadata',
        'Get-CrmStatus',
        'Get-CrmRecordType',
        'Import-OutreachStage',
        'ConvertTo-OutreachProspect',
        'ConvertTo-SalesforceRecord',
        'Test-StageMapping',
        'Compare-StageMapConfiguration',
        'Find-StageDrift',
        'Export-StageMapReport',
        'Connect-Crm',
        'Disconnect-Crm',
        'Connect-Outreach',
        'Disconnect-Outreach',
        'Sync-OutreachStage',
        'Get-StageMapSnapshot',
        'Restore-OutreachStage',
        'Export-CrmMetadata'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Outreach', 'Salesforce', 'CRM', 'Sync', 'Mapping')
            # No LicenseUri or ProjectUri: the project has no web home yet, and LicenseUri takes a URL, not a
            # file. The MIT license ships as LICENSE in the module folder (and so in the package).
            ReleaseNotes = '0.1.0: the first release. Stages, lead status and field mappings as a configuration file saved atomically at
the end of each command; CRM metadata from Salesforce files; Test-StageMapping and its rules; the
click-path for the Classic Plugin and Enhanced CRM Sync; record conversion both ways. See about_StageMap.'
        }
    }
}
