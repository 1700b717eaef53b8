using System.Collections.Generic;

namespace StageMap.Cmdlets.Tests.Views;

/// <summary>
/// Realistic objects for every type the format file has a view for, each made by the real cmdlets the
/// way an admin gets them (from the module's samples, the loopback servers as $sf and $or). A view
/// added for a type with no entry here fails <see cref="NarrowTerminalViewTests"/>: add its sample.
/// </summary>
internal static class ViewSamples
{
    /// <summary>Runs first in the session, from a copy of the module's samples: what the samples below share.</summary>
    public const string Setup = """
        # A configuration of its own for each sample that changes one, so no sample sees another's changes.
        function global:New-Sample([string] $Name, [string] $From = './outreach-sync-mapping.json') {
            Copy-Item $From "./$Name.json"
            Import-StageMapConfiguration "./$Name.json"
        }
        $global:sync = New-Sample a-long-configuration-file-name-for-a-narrow-terminal
        Import-CrmMetadata -Path ./salesforce/* -WarningAction SilentlyContinue
        New-OutreachStage -Name Nurturing | Out-Null
        Set-OutreachStage -Name Replied -NewName 'Replied (engaged)'
        $global:token = ConvertTo-SecureString 'or-access-1f6c2a9d' -AsPlainText -Force
        """;

    /// <summary>Type name → a script whose output is the sample objects.</summary>
    public static IReadOnlyDictionary<string, string> ByType { get; } = new Dictionary<string, string>
    {
        ["StageMap.Engine.Model.StageMapConfiguration"] = """
            $global:sync
            New-StageMapConfiguration -Experience EnhancedCrmSync
            """,
        ["StageMap.Engine.Model.Stage"] = """
            $c = New-StageMapConfiguration -Path ./stages.json
            Import-OutreachStage -Path ./outreach-stages.json -Configuration $c -WarningAction SilentlyContinue
            Set-OutreachStage -Name 'Approaching' -NewName 'Working - Contacted' -Order 12 -Configuration $c
            New-OutreachStage -Name 'Closed - Not Converted' -Color '#9aa5b1' -Configuration $c | Out-Null
            Get-OutreachStage -Configuration $c
            """,
        ["StageMap.Engine.Model.LeadStatusMapping"] = "Get-LeadStatusMapping -Configuration $sync",
        ["StageMap.Engine.Model.FieldMapping"] = "Get-FieldMapping -Configuration $sync",
        ["StageMap.Engine.Procedure.ProcedureStep"] = """
            Get-StageMapProcedure -Configuration $sync
            Get-StageMapProcedure -Configuration $sync -Experience EnhancedCrmSync
            """,
        ["StageMap.Engine.Model.CrmStatus"] = "Get-CrmStatus -Configuration $sync",
        ["StageMap.Engine.Metadata.MetadataFile"] = """
            $c = New-StageMapConfiguration
            Import-CrmMetadata -Path ./salesforce/* -PassThru -Configuration $c -WarningAction SilentlyContinue
            """,
        ["StageMap.Engine.Conversion.Bulk.ConversionSummary"] = """
            ConvertTo-OutreachProspect -Object Lead -Path ./salesforce-leads.csv -OutFile ./prospects-of-the-last-pull.jsonl -RejectFile ./rejected-leads.csv -Configuration $sync
            Import-Csv ./salesforce-leads.csv | Select-Object * -ExcludeProperty Status, Email | Export-Csv ./leads-without-status.csv
            ConvertTo-OutreachProspect -Object Lead -Path ./leads-without-status.csv -OutFile ./prospects.csv -RejectFile ./rejected.csv -Configuration $sync -WarningAction SilentlyContinue
            """,
        ["StageMap.Engine.Conversion.MissingField"] = """
            Import-Csv ./salesforce-leads.csv | Select-Object *, @{ n = 'Lead Status'; e = { $_.Status } } -ExcludeProperty Status, Email | Export-Csv ./renamed.csv
            (ConvertTo-OutreachProspect -Object Lead -Path ./renamed.csv -OutFile ./renamed.jsonl -Configuration $sync -WarningAction SilentlyContinue).MissingFields
            """,
        ["StageMap.Engine.Validation.Diagnostic"] = """
            $c = New-Sample broken ./outreach-mapping.json
            Remove-LeadStatusMapping -CrmStatus Replied -Configuration $c
            New-LeadStatusMapping -CrmStatus 'replied' -Stage Replied -Configuration $c -WarningAction SilentlyContinue | Out-Null
            New-OutreachStage -Name 'Closed - Not Converted' -Configuration $c | Out-Null
            Set-FieldMapping -Object Lead -OutreachField Stage -LookForName:$false -Configuration $c
            Test-StageMapping -Configuration $c
            Test-StageMapping -Configuration $sync
            """,
        ["StageMap.Engine.Review.ConfigurationChange"] = """
            $after = New-Sample changed
            Set-OutreachStage -Name Replied -NewName 'Replied (engaged)' -Order 13 -Color '#112233' -Configuration $after
            New-OutreachStage -Name 'Meeting Booked' -Configuration $after | Out-Null
            Set-LeadStatusMapping -CrmStatus 'Closed - Not Converted' -Stage 'Bad Data' -Configuration $after
            Set-FieldMapping -Object Lead -OutreachField Company -ExternalEmptyPlaceholder '[none given]' -Configuration $after
            Remove-FieldMapping -Object Contact -OutreachField Title -Configuration $after
            Compare-StageMapConfiguration ./outreach-sync-mapping.json $after
            """,
        ["StageMap.Engine.Drift.StageDrift"] = """
            ConvertTo-OutreachProspect -Object Lead -Path ./salesforce-leads.csv -OutFile ./pulled.jsonl -Configuration $sync | Out-Null
            $lines = Get-Content ./pulled.jsonl
            foreach ($i in 3, 8) { $lines[$i] = $lines[$i] -replace '"stage":\d+', '"stage":6' }
            $lines[12] = $lines[12] -replace '"salesforceId":"[^"]+"', '"salesforceId":"00Q5g00000Xx999EAB"'
            Set-Content ./pulled.jsonl $lines
            $after = New-Sample remapped
            Remove-LeadStatusMapping -CrmStatus 'Closed - Converted' -Configuration $after
            Find-StageDrift -Object Lead -CrmPath ./salesforce-leads.csv -OutreachPath ./pulled.jsonl -Configuration $after
            """,
        ["StageMap.Engine.Drift.DriftSummary"] = """
            ConvertTo-OutreachProspect -Object Lead -Path ./salesforce-leads.csv -OutFile ./pulled-for-summary.jsonl -Configuration $sync | Out-Null
            Find-StageDrift -Object Lead -CrmPath ./salesforce-leads.csv -OutreachPath ./pulled-for-summary.jsonl -Summary -Configuration $sync
            Find-StageDrift -Object Lead -CrmPath ./salesforce-leads.csv -OutreachPath ./pulled-for-summary.jsonl -OutFile ./drift-of-the-leads.csv -Configuration $sync
            """,
        ["StageMap.Engine.Live.Salesforce.CrmConnection"] = """
            Connect-Crm -InstanceUrl $sf -AccessToken (ConvertTo-SecureString '00DLOOPBACK000001!AQ4AQ.sf-access-3c9e' -AsPlainText -Force)
            """,
        ["StageMap.Engine.Live.Outreach.OutreachConnection"] = """
            Connect-Outreach -AccessToken $token -BaseUri $or
            Connect-Outreach -ClientId stagemap-loopback-client -ClientSecret (ConvertTo-SecureString 'or-client-secret-7b3e51' -AsPlainText -Force) -RefreshToken (ConvertTo-SecureString 'or-refresh-4d8a0c2e' -AsPlainText -Force) -BaseUri $or
            """,
        ["StageMap.Engine.Live.Outreach.StageSyncChange"] = """
            $c = New-Sample synced
            Remove-OutreachStage -Name 'Bad Data' -Configuration $c
            New-OutreachStage -Name 'Closed - Not Converted' -Configuration $c | Out-Null
            Set-OutreachStage -Name Replied -NewName 'Replied (engaged)' -Configuration $c
            $connection = Connect-Outreach -AccessToken $token -BaseUri $or
            Sync-OutreachStage -Configuration $c -Connection $connection -RemoveExtra -WhatIf
            Sync-OutreachStage -Configuration $c -Connection $connection -RemoveExtra -Confirm:$false
            """,
        ["StageMap.Engine.Undo.StageSnapshotInfo"] = """
            Invoke-RestMethod -Method Post "${or}_reset" | Out-Null
            $c = New-Sample undone-sync
            Remove-OutreachStage -Name Unresponsive -Force -Confirm:$false -Configuration $c
            Set-OutreachStage -Name Replied -NewName 'Replied (engaged)' -Order 12 -Color '#112233' -Configuration $c
            $connection = Connect-Outreach -AccessToken $token -BaseUri $or
            Sync-OutreachStage -Configuration $c -Connection $connection -RemoveExtra -Force -Confirm:$false | Out-Null
            Restore-OutreachStage -Snapshot (Get-StageMapSnapshot -Configuration $c)[0] -Stage Replied -Configuration $c -Connection $connection -Confirm:$false | Out-Null
            New-OutreachStage -Name 'Closed - Not Converted' -Configuration $c | Out-Null
            Sync-OutreachStage -Configuration $c -Connection $connection | Out-Null
            Get-StageMapSnapshot -Configuration $c
            Invoke-RestMethod -Method Post "${or}_reset" | Out-Null
            """,
        ["StageMap.Engine.Undo.StageRestoreChange"] = """
            Invoke-RestMethod -Method Post "${or}_reset" | Out-Null
            $c = New-Sample restored
            Remove-OutreachStage -Name Unresponsive -Force -Confirm:$false -Configuration $c
            Set-OutreachStage -Name Replied -NewName 'Replied (engaged)' -Order 12 -Configuration $c
            $connection = Connect-Outreach -AccessToken $token -BaseUri $or
            Sync-OutreachStage -Configuration $c -Connection $connection -RemoveExtra -Force -Confirm:$false | Out-Null
            Invoke-RestMethod -Method Post "${or}_prospects?move=1002&stage=2" | Out-Null
            $snapshot = (Get-StageMapSnapshot -Configuration $c)[0]
            Restore-OutreachStage -Snapshot $snapshot -Configuration $c -Connection $connection -WhatIf
            Restore-OutreachStage -Snapshot $snapshot -Configuration $c -Connection $connection -Confirm:$false -WarningAction SilentlyContinue
            Restore-OutreachStage -Snapshot $snapshot -Configuration $c -Connection $connection -Confirm:$false -WarningAction SilentlyContinue
            Invoke-RestMethod -Method Post "${or}_reset" | Out-Null
            """,
        ["StageMap.Engine.Metadata.Sfdx.SfdxValueChange"] = """
            Export-CrmMetadata -Path ./exported-project -Create -Configuration (New-Sample exported) -WarningAction SilentlyContinue
            """,
        ["StageMap.CrmRecordType"] = """
            $c = New-Sample record-types
            Import-CrmMetadata -Path ./sfdx-project -Configuration $c -WarningAction SilentlyContinue
            Get-CrmRecordType -Configuration $c
            """,
    };
}
