<#
.SYNOPSIS
    StageMap end to end on the sample data shipped with the module.
.DESCRIPTION
    Builds the stage / status mapping of a standard Salesforce org as code: a new configuration file,
    the four standard lead statuses mapped from a CSV sheet, and what the module does when the sheet
    tries to map a stage twice. Runs in a temporary folder and leaves nothing behind.
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

    Write-Host "== 6. Check the mapping before the sync does" -ForegroundColor Cyan
    Write-Host "The demo's mapping: the Lead Stage <> Status lookup field mapping is missing (SM006)."
    Test-StageMapping | Out-String -Width 150 | Write-Host
    Write-Host ("Ready to sync (Test-StageMapping -Quiet): {0}" -f (Test-StageMapping -Quiet))
    $checked = Join-Path $work 'checked-mapping.json'
    Copy-Item (Join-Path $samples 'outreach-mapping.json') $checked
    Import-StageMapConfiguration -Path $checked | Out-Null
    Write-Host ("`nA sound mapping with the CRM's statuses (outreach-mapping.json), ready to sync: {0}" -f (Test-StageMapping -Quiet))
    Write-Host "Now a status typed in the wrong case, and a stage renamed away from its contact status:"
    Remove-LeadStatusMapping -CrmStatus 'Replied'
    New-LeadStatusMapping -CrmStatus 'replied' -Stage Replied | Out-Null
    Set-OutreachStage -Name 'Bad Data' -NewName 'Bad data'
    Test-StageMapping | Out-String -Width 150 | Write-Host
    Write-Host ("Ready to sync: {0}" -f (Test-StageMapping -Quiet))
}
finally {
    Remove-Item $work -Recurse -Force
}
