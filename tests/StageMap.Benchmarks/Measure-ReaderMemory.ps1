<#
.SYNOPSIS
    Measures the peak memory of reading hostile files and writes the table to docs/benchmarks.md.
.DESCRIPTION
    The bar: peak memory for any hostile file under 200 MB is under 500 MB. Each file below is
    generated here (nothing committed) and read by the cmdlet an admin would use, in a fresh
    PowerShell that imports the module and binds a new configuration file first; the number is that
    process's peak working set (median of -Runs). The first row is the same process reading a small
    valid file, so the reader's own share is the difference.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/StageMap'),
    [int] $Runs = 3,
    [string] $Report = (Join-Path $PSScriptRoot '../../docs/benchmarks.md')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$manifest = (Resolve-Path (Join-Path $ModulePath 'StageMap.psd1')).Path
$fixtures = (Resolve-Path (Join-Path $PSScriptRoot '../fixtures')).Path
$work = Join-Path ([System.IO.Path]::GetTempPath()) "stagemap-readers-$PID"
New-Item -ItemType Directory -Path $work -Force | Out-Null
$utf8 = [System.Text.UTF8Encoding]::new($false)

function New-File([string] $name, [string[]] $parts) {
    $path = Join-Path $work $name
    $stream = [System.IO.File]::Create($path)
    try { foreach ($part in $parts) { $bytes = $utf8.GetBytes($part); $stream.Write($bytes, 0, $bytes.Length) } } finally { $stream.Dispose() }
    $path
}

# A JSON text of $megabytes MB of 'x', written in blocks so the harness itself stays small.
function New-HugeNameStageList([string] $name, [int] $megabytes, [byte[]] $tail = $utf8.GetBytes('"}]')) {
    $path = Join-Path $work $name
    $stream = [System.IO.File]::Create($path)
    try {
        $head = $utf8.GetBytes('[{"id":1,"name":"')
        $stream.Write($head, 0, $head.Length)
        $block = [byte[]]::new(1MB); [System.Array]::Fill($block, [byte][char]'x')
        for ($i = 0; $i -lt $megabytes; $i++) { $stream.Write($block, 0, $block.Length) }
        $stream.Write($tail, 0, $tail.Length)
    }
    finally { $stream.Dispose() }
    $path
}

try {
    Write-Host 'Generating hostile files...'
    $justUnder = [int][math]::Floor(16 - 0.01)  # MB of name that keeps the file under 16 MiB
    $cases = [ordered]@{
        'baseline: the eight-stage Outreach API list of the fixtures' = @{ File = Join-Path $fixtures 'outreach/outreach_api_stages__stagemap.json'; Command = 'Import-OutreachStage -Force -Confirm:$false' }
        'stage list with one 50 MB name (the probe''s file)' = @{ File = New-HugeNameStageList 'name-50mb.json' 50; Command = 'Import-OutreachStage -Force -Confirm:$false' }
        'stage list with one 199 MB name' = @{ File = New-HugeNameStageList 'name-199mb.json' 199; Command = 'Import-OutreachStage -Force -Confirm:$false' }
        "stage list with one $justUnder MB name, under the size limit" = @{ File = New-HugeNameStageList 'name-15mb.json' $justUnder; Command = 'Import-OutreachStage -Force -Confirm:$false' }
        "the same with an invalid UTF-8 byte at its end" = @{ File = New-HugeNameStageList 'name-15mb-latin1.json' $justUnder ([byte[]](0xE9, 0x22, 0x7D, 0x5D)); Command = 'Import-OutreachStage -Force -Confirm:$false' }
        'configuration of 199 MB' = @{ File = New-HugeNameStageList 'config-199mb.json' 199; Command = 'Import-StageMapConfiguration' }
        'configuration of 16 MB of numbers (8 million tokens)' = @{ File = New-File 'tokens.json' @('{"schemaVersion":1,"x":[', ('0,' * 8000000), '0]}'); Command = 'Import-StageMapConfiguration' }
        'configuration of 990,000 lead field names (within every limit)' = @{ File = New-File 'fields.json' @('{"schemaVersion":1,"crmMetadata":{"leadFields":[', ((0..989998 | ForEach-Object { "`"F$_`"" }) -join ','), ']}}'); Command = 'Import-StageMapConfiguration' }
        'Lead describe of 160,000 picklist values' = @{ File = New-File 'describe.json' @('{"name":"Lead","fields":[{"name":"Status","type":"picklist","picklistValues":[', ((0..159999 | ForEach-Object { "{`"value`":`"S$_`",`"label`":`"S$_`"}" }) -join ','), ']}]}'); Command = 'Import-CrmMetadata' }
        'Lead describe of 30,000 fields and 4,000 statuses (within every limit, saved)' = @{ File = New-File 'describe-wide.json' @('{"name":"Lead","fields":[', ((0..29999 | ForEach-Object { "{`"name`":`"Field$_`",`"type`":`"string`"}" }) -join ','), ',{"name":"Status","type":"picklist","picklistValues":[', ((1..4000 | ForEach-Object { "{`"value`":`"S$_`",`"label`":`"S$_`"}" }) -join ','), ']}]}'); Command = 'Import-CrmMetadata' }
        'SFDX field of 190,000 values' = @{ File = New-File 'Contact_Status__c.field-meta.xml' @('<CustomField><fullName>Contact_Status__c</fullName><valueSet><valueSetDefinition>', ((0..189999 | ForEach-Object { "<value><fullName>S$_</fullName></value>" }) -join ''), '</valueSetDefinition></valueSet></CustomField>'); Command = 'Import-CrmMetadata' }
        'SFDX file nested 1,000,000 elements deep' = @{ File = New-File 'deep.field-meta.xml' @('<CustomField>', ('<a>' * 1000000), ('</a>' * 1000000), '</CustomField>'); Command = 'Import-CrmMetadata' }
        'Data Loader CSV of 499,000 rows' = @{ File = New-File 'LeadStatus.csv' @("ApiName,MasterLabel`n", ((0..498998 | ForEach-Object { "S$_,S$_" }) -join "`n"), "`n"); Command = 'Import-CrmMetadata' }
    }

    $hostPath = (Get-Process -Id $PID).Path
    $prefix = @(if ([System.IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    $rows = foreach ($case in $cases.GetEnumerator()) {
        Write-Host "  $($case.Key)..."
        $file = $case.Value.File
        $config = Join-Path $work 'mapping.json'
        $script = "Import-Module '$manifest'; New-StageMapConfiguration -Path '$config' -Force -Confirm:`$false | Out-Null; $($case.Value.Command) -Path '$file' -ErrorAction SilentlyContinue -ErrorVariable failed | Out-Null; " +
            "'{0}|{1}' -f `$(if (`$failed) { `$failed[0].FullyQualifiedErrorId.Split(',')[0] } else { 'read' }), [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64"
        $results = foreach ($i in 1..$Runs) { & $hostPath @prefix -NoProfile -NonInteractive -Command $script | Select-Object -Last 1 }
        $peaks = @($results | ForEach-Object { [long]($_.Split('|')[1]) } | Sort-Object)
        [pscustomobject]@{
            Case = $case.Key
            Size = (Get-Item $file).Length
            Command = $case.Value.Command.Split(' ')[0]
            Outcome = @($results)[0].Split('|')[0]
            Peak = $peaks[[int][math]::Floor($peaks.Count / 2)]
        }
    }

    $worst = ($rows | Measure-Object Peak -Maximum).Maximum
    $cpu = (Get-Content /proc/cpuinfo -ErrorAction Ignore | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
    if (-not $cpu) { $cpu = [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture }
    $lines = foreach ($row in $rows) {
        "| $($row.Case) | $('{0:N1}' -f ($row.Size / 1MB)) MiB | ``$($row.Command)`` | $($row.Outcome) | $('{0:N0}' -f ($row.Peak / 1MB)) MiB |"
    }

    $table = @"
<!-- readers:begin (written by tests/StageMap.Benchmarks/Measure-ReaderMemory.ps1; do not edit by hand) -->
## Reading hostile files: peak memory

Measured $(Get-Date -Format 'yyyy-MM-dd HH:mm') on $([Environment]::ProcessorCount) cores ($cpu), $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription), PowerShell $($PSVersionTable.PSVersion), by ``./build.ps1 -Task Bench``
(``tests/StageMap.Benchmarks/Measure-ReaderMemory.ps1``). Each file is read by the cmdlet in a fresh ``pwsh`` that imported
the module and bound a new configuration file first; the number is that process's peak working set, median of $Runs. The
limits at work (``about_StageMap``, Reliability): files over 16 MiB are refused unread, texts over 32,768 characters,
more than 1,000,000 tokens, nodes or fields, and nesting deeper than 64 are refused by a streaming pass before any tree is built.

| file | size | read by | outcome | peak working set |
| --- | ---: | --- | --- | ---: |
$($lines -join "`n")

| goal | measured | |
| --- | --- | --- |
| peak memory for any hostile file under 200 MB is under 500 MB | at most $('{0:N0}' -f ($worst / 1MB)) MiB | $(if ($worst -lt 500MB) { 'met' } else { '**not met**' }) |
<!-- readers:end -->
"@

    $existing = if (Test-Path $Report) { Get-Content $Report -Raw } else { "# Benchmarks`n" }
    $pattern = '(?s)<!-- readers:begin.*?<!-- readers:end -->'
    $updated = if ($existing -match $pattern) { [regex]::Replace($existing, $pattern, { param($m) $table }) } else { $existing.TrimEnd() + "`n`n" + $table + "`n" }
    Set-Content -Path $Report -Value $updated.TrimEnd() -Encoding utf8NoBOM
    Write-Host $table
}
finally {
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}
