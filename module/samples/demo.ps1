<#
.SYNOPSIS
    StageMap end to end on the sample data shipped with the module.
.DESCRIPTION
    Builds the stage / status mapping of a standard Salesforce org as code, in a temporary folder it
    removes at the end: a new configuration file; the standard lead statuses mapped from a
    CSV sheet, and what the module does when the sheet maps a stage twice; the Stage field mappings
    and the click-path that applies it all in Outreach; the org's own metadata read from Salesforce's
    files and the remaining statuses mapped by name; the sample leads converted as the sync converts
    them; a broken mapping found, fixed the way the findings say, and checked sound; a change
    reviewed, drifted records found and the one-page report written; and the live cmdlets, shown
    offline. Ends with a one-line verdict: the checked mapping ready to sync, and the findings the drift
    mapping shows on purpose. No call leaves the machine.
#>
$ErrorActionPreference = 'Stop'
$samples = $PSScriptRoot
Import-Module (Join-Path $samples '..' 'StageMap.psd1') -Force

$work = Join-Path ([System.IO.Path]::GetTempPath()) "stagemap-demo-$PID"
New-Item -ItemType Directory -Path $work -Force | Out-Null
try {
    Write-Host "`n== 1. A new configuration file with Outreach's default stages" -ForegroundColor Cyan
    $mappingFile = Join-Path $work 'outreach-mapping.json'
    New-StageMapConfiguration -Path $mappingFile | Format-Table | Out-Host
    Get-OutreachStage | Format-Table | Out-Host

    Write-Host "== 2. The lead status mappings of a standard Salesforce org, from a sheet" -ForegroundColor Cyan
    Import-Csv (Join-Path $samples 'lead-status-mapping.csv') | Format-Table | Out-Host
    Import-Csv (Join-Path $samples 'lead-status-mapping.csv') | New-LeadStatusMapping | Format-Table | Out-Host

    Write-Host "== 3. Mapping a stage twice is refused, and the file is left as it was" -ForegroundColor Cyan
    $before = Get-FileHash $mappingFile
    New-LeadStatusMapping -CrmStatus 'Nurturing' -Stage Approaching -ErrorAction SilentlyContinue -ErrorVariable refused
    Write-Host ("{0}: {1}" -f $refused[0].FullyQualifiedErrorId, $refused[0].Exception.Message)
    Write-Host ("File unchanged: {0}" -f ((Get-FileHash $mappingFile).Hash -eq $before.Hash))

    Write-Host "`n== 4. A rename keeps the mappings" -ForegroundColor Cyan
    Set-OutreachStage -Name Approaching -NewName 'Working'
    Get-LeadStatusMapping | Format-Table | Out-Host

    Write-Host "== 5. The configuration as saved" -ForegroundColor Cyan
    Import-StageMapConfiguration -Path $mappingFile | Format-Table | Out-Host

    Write-Host "== 6. The Stage field mappings, and the click-path to apply it all in Outreach" -ForegroundColor Cyan
    New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | Out-Null
    New-FieldMapping -Object Contact -OutreachField 'Stage Name' -CrmField Contact_Status__c | Out-Null
    Get-FieldMapping -OutreachField 'Stage*' | Format-Table | Out-Host
    $before = Get-FileHash $mappingFile
    Set-FieldMapping -Object Lead -OutreachField Stage -LookupField:$false -ErrorAction SilentlyContinue -ErrorVariable refused
    Write-Host ("{0}: {1}" -f $refused[0].FullyQualifiedErrorId, $refused[0].Exception.Message)
    Write-Host ("File unchanged: {0}" -f ((Get-FileHash $mappingFile).Hash -eq $before.Hash))
    Get-StageMapProcedure -Object Lead | Select-Object -Last 11 | Format-Table | Out-Host
    Get-StageMapProcedure -Experience EnhancedCrmSync -AsMarkdown | Out-Host

    Write-Host "== 7. The org's own metadata: import it, list the statuses, map the rest by name" -ForegroundColor Cyan
    # salesforce/LeadStatus.json is 'sf data query ... FROM LeadStatus --json'; the XML is the SFDX source of Contact_Status__c.
    Import-CrmMetadata -Path (Join-Path $samples 'salesforce' '*') -PassThru | Format-Table | Out-Host
    Get-CrmStatus -Object Lead | Format-Table | Out-Host
    New-LeadStatusMapping -FromCrm -CreateMissingStages | Format-Table | Out-Host
    Get-OutreachStage | Format-Table | Out-Host
    Write-Host "`n== 8. The sample org's leads converted the way the sync converts them" -ForegroundColor Cyan
    # A mapping file as an admin saves it: stages, the four lead statuses, field mappings with options.
    $syncFile = Join-Path $work 'outreach-sync-mapping.json'
    Copy-Item (Join-Path $samples 'outreach-sync-mapping.json') $syncFile
    Import-StageMapConfiguration -Path $syncFile | Out-Null
    $leads = Import-Csv (Join-Path $samples 'salesforce-leads.csv')
    $prospects = $leads | ConvertTo-OutreachProspect -Object Lead
    $prospects | Select-Object -First 5 | Format-Table salesforceId, stage, stageName, firstName, lastName, emails, company | Out-Host
    $prospects | Group-Object stageName -NoElement | Sort-Object Name | Format-Table | Out-Host
    Write-Host 'The first prospect as an Outreach API request, and back as a Salesforce update:'
    $leads[0] | ConvertTo-OutreachProspect -Object Lead -As JsonApi | Out-Host
    $prospects[0] | ConvertTo-SalesforceRecord -Object Lead -As SObject | Out-Host

    Write-Host "`nWith 'Closed - Converted' unmapped, its leads are errors that carry the lead:"
    Remove-LeadStatusMapping -CrmStatus 'Closed - Converted' | Out-Null
    $converted = $leads | ConvertTo-OutreachProspect -Object Lead -ErrorAction SilentlyContinue -ErrorVariable unmapped
    Write-Host ("{0} leads in, {1} prospects out, {2} errors" -f $leads.Count, $converted.Count, $unmapped.Count)
    $unmapped | ForEach-Object { [pscustomobject]@{ ErrorId = $_.FullyQualifiedErrorId.Split(',')[0]; LastName = $_.TargetObject.LastName; Status = $_.TargetObject.Status } } |
        Format-Table | Out-Host

    Write-Host 'The whole file, streamed to JSON Lines with a reject file, then back to a Data Loader CSV:'
    $jsonl = Join-Path $work 'prospects.jsonl'
    ConvertTo-OutreachProspect -Object Lead -Path (Join-Path $samples 'salesforce-leads.csv') -OutFile $jsonl -RejectFile (Join-Path $work 'rejected.csv') | Format-Table | Out-Host
    ConvertTo-SalesforceRecord -Object Lead -Path $jsonl -OutFile (Join-Path $work 'lead-updates.csv') | Format-Table | Out-Host
    Get-Content (Join-Path $work 'lead-updates.csv') -TotalCount 4 | Out-Host

    Write-Host "`n== 9. Check the mapping before the sync does" -ForegroundColor Cyan
    Write-Host "The sync mapping of section 8, now that 'Closed - Converted' is unmapped:"
    Test-StageMapping | Out-String -Width 150 | Write-Host
    Write-Host ("Ready to sync (Test-StageMapping -Quiet): {0}" -f (Test-StageMapping -Quiet))
    $checked = Join-Path $work 'checked-mapping.json'
    Copy-Item (Join-Path $samples 'outreach-mapping.json') $checked
    $checkedMapping = Import-StageMapConfiguration -Path $checked
    Write-Host ("`nA sound mapping with the CRM's statuses (outreach-mapping.json), ready to sync: {0}" -f (Test-StageMapping -Quiet))
    Write-Host "Now a status typed in the wrong case, and a stage renamed away from its contact status:"
    Remove-LeadStatusMapping -CrmStatus 'Replied'
    New-LeadStatusMapping -CrmStatus 'replied' -Stage Replied | Out-Null
    Set-OutreachStage -Name 'Bad Data' -NewName 'Bad data'
    Test-StageMapping | Out-String -Width 150 | Write-Host
    Write-Host ("Ready to sync: {0}" -f (Test-StageMapping -Quiet))
    Write-Host "`nFixed the way the findings say: the status by its exact API name, the stage renamed back:"
    Remove-LeadStatusMapping -CrmStatus 'replied'
    New-LeadStatusMapping -CrmStatus 'Replied' -Stage Replied | Out-Null
    Set-OutreachStage -Name 'Bad data' -NewName 'Bad Data'
    Write-Host ("Findings left: {0}" -f @(Test-StageMapping).Count)
    Write-Host ("Ready to sync: {0}" -f (Test-StageMapping -Quiet))

    Write-Host "`n== 10. Review a change, find the records in the wrong stage, and see it all on one page" -ForegroundColor Cyan
    # The change of section 9, reviewed as a pull-request job would: main's file piped in as text.
    Get-Content (Join-Path $samples 'outreach-mapping.json') | Compare-StageMapConfiguration -DifferenceConfiguration $checked | Format-Table | Out-String -Width 150 | Write-Host
    Get-Content (Join-Path $samples 'outreach-mapping.json') | Compare-StageMapConfiguration -DifferenceConfiguration $checked -AsMarkdown | Out-Host

    # The sync mapping as the last sync used it: every lead pulled into a prospect.
    $synced = Join-Path $work 'synced-mapping.json'
    Copy-Item (Join-Path $samples 'outreach-sync-mapping.json') $synced
    $driftMapping = Import-StageMapConfiguration -Path $synced
    $pulled = Join-Path $work 'pulled-prospects.jsonl'
    ConvertTo-OutreachProspect -Object Lead -Path (Join-Path $samples 'salesforce-leads.csv') -OutFile $pulled | Out-Null
    # Since then: three prospects moved by hand in Outreach, and the mapping changed.
    $lines = Get-Content $pulled
    foreach ($i in 3, 8, 15) { $lines[$i] = $lines[$i] -replace '"stage":\d+', '"stage":6' }
    Set-Content $pulled $lines
    Remove-LeadStatusMapping -CrmStatus 'Closed - Converted' | Out-Null
    New-LeadStatusMapping -CrmStatus 'Nurturing' -Stage 'Do Not Contact' | Out-Null
    Find-StageDrift -Object Lead -CrmPath (Join-Path $samples 'salesforce-leads.csv') -OutreachPath $pulled |
        Format-Table Name, CrmStatus, ExpectedStage, ActualStage, Reason, NextPull | Out-String -Width 150 | Write-Host
    $summary = Find-StageDrift -Object Lead -CrmPath (Join-Path $samples 'salesforce-leads.csv') -OutreachPath $pulled -Summary
    Write-Host ("{0} pairs, {1} drifted, {2} CRM only, {3} Outreach only. Where the drift sits:" -f $summary.Pairs, $summary.Drifted, $summary.CrmOnly, $summary.OutreachOnly)
    $summary.CrossTab | Format-Table | Out-Host

    $report = Export-StageMapReport -Path (Join-Path $work 'report.html') -CrmPath (Join-Path $samples 'salesforce-leads.csv') -OutreachPath $pulled -PassThru
    Write-Host ("The one-page report: {0:N0} bytes of HTML, no script, nothing fetched ({1})" -f $report.Length, $report.Name)

    Write-Host "`n== 11. Working live (shown offline: no call leaves this machine)" -ForegroundColor Cyan
    Write-Host @'
Against the real systems the same flow reads the org and writes Outreach's stages:
  Connect-Crm -TargetOrg my-org; Import-CrmMetadata -Online; New-LeadStatusMapping -FromCrm -CreateMissingStages
  Connect-Outreach -AccessToken (Read-Host -AsSecureString); Sync-OutreachStage -WhatIf; Sync-OutreachStage
  Import-OutreachStage -Online -Merge
Tokens stay in memory, and only https addresses are accepted:
'@
    try {
        Connect-Outreach -AccessToken (ConvertTo-SecureString 'not-a-real-token' -AsPlainText -Force) -BaseUri 'http://outreach.example'
    } catch {
        Write-Host ("{0}: {1}" -f $_.FullyQualifiedErrorId, $_.Exception.Message)
    }
    Write-Host "`nThe Salesforce half as SFDX source, for 'sf project deploy start --dry-run' (StageMap does not deploy):"
    $sfdx = Join-Path $work 'sfdx-project'
    New-Item -ItemType Directory -Path $sfdx | Out-Null
    '{"packageDirectories":[{"path":"force-app","default":true}],"sourceApiVersion":"62.0"}' | Set-Content (Join-Path $sfdx 'sfdx-project.json')
    Export-CrmMetadata -Path $sfdx -WhatIf -WarningAction SilentlyContinue
    Export-CrmMetadata -Path $sfdx -WarningAction SilentlyContinue | Format-Table | Out-Host

    # One line that says what the demo ends on: the mapping it checked and fixed, and the one it broke on purpose.
    $ready = if (Test-StageMapping -Configuration $checkedMapping -Quiet) { 'is ready to sync' } else { 'is NOT ready to sync' }
    $shown = @(Test-StageMapping -Configuration $driftMapping)
    Write-Host ("Verdict: the checked mapping (section 9) {0}; the drift mapping shows {1} finding(s), as sections 10 and 11 left it on purpose: {2}." -f
        $ready, $shown.Count, ((@($shown.RuleId) | Sort-Object -Unique) -join ', '))
}
finally {
    Remove-Item $work -Recurse -Force
}
