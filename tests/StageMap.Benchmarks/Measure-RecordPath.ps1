<#
.SYNOPSIS
    Where a bulk conversion's time goes, stage by stage (RecordPathProfile in this project), written to
    its section of docs/benchmarks.md.
.DESCRIPTION
    Generates -Rows leads (the generator of Measure-Conversion.ps1, seed 20261127) and runs the
    engine's record path on them in stages that each add one step: decode, parse, field lookup,
    conversion, JSON Lines writing, and the whole BulkConverter.Run to a file. Median of -Runs runs.
#>
param(
    [int] $Rows = 1000000,
    [int] $Runs = 3,
    [string] $Report = (Join-Path $PSScriptRoot '../../docs/benchmarks.md')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = Resolve-Path (Join-Path $PSScriptRoot '../..')
$project = Join-Path $PSScriptRoot 'StageMap.Benchmarks.csproj'
$work = Join-Path ([System.IO.Path]::GetTempPath()) "stagemap-profile-$PID"
New-Item -ItemType Directory -Path $work -Force | Out-Null
try {
    dotnet build $project -c Release --nologo -v quiet | Out-Null
    if ($LASTEXITCODE -ne 0) { throw 'The benchmark project did not build.' }
    $leads = Join-Path $work 'leads.csv'
    dotnet run -c Release --no-build --project $project -- generate $leads $Rows
    $lines = dotnet run -c Release --no-build --project $project -- profile $leads (Join-Path $root 'module/samples/outreach-sync-mapping.json') $Runs
    if ($LASTEXITCODE -ne 0) { throw 'The profile did not run.' }
    $driftLines = dotnet run -c Release --no-build --project $project -- profile-drift $leads (Join-Path $root 'module/samples/outreach-sync-mapping.json') $Runs
    if ($LASTEXITCODE -ne 0) { throw 'The drift profile did not run.' }
    $cpu = (Get-Content /proc/cpuinfo -ErrorAction Ignore | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
    $load = (Get-Content /proc/loadavg -ErrorAction Ignore) -split ' ' | Select-Object -First 1
    $table = @"
<!-- profile:begin (written by tests/StageMap.Benchmarks/Measure-RecordPath.ps1; do not edit by hand) -->
## Record path profile

Measured $(Get-Date -AsUTC -Format 'yyyy-MM-dd HH:mm') UTC on $([Environment]::ProcessorCount) cores ($cpu), load average $load at the end, by ``./build.ps1 -Task Bench``
(``tests/StageMap.Benchmarks/Measure-RecordPath.ps1``): the engine alone (no PowerShell) on $('{0:N0}' -f $Rows) generated leads, the
sample configuration's Lead pull; each stage does what the one above it does plus one step, median of $Runs runs.

$($lines -join "`n")

Find-StageDrift on the same leads against the prospects converted from them (every lead has its prospect):

$($driftLines -join "`n")
<!-- profile:end -->
"@
    $existing = Get-Content $Report -Raw
    $pattern = '(?s)<!-- profile:begin.*?<!-- profile:end -->'
    $updated = if ($existing -match $pattern) { [regex]::Replace($existing, $pattern, { param($m) $table }) } else { $existing.TrimEnd() + "`n`n" + $table + "`n" }
    Set-Content -Path $Report -Value $updated.TrimEnd() -Encoding utf8NoBOM
    Write-Host $table
}
finally {
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}
