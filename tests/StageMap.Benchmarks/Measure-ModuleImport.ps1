<#
.SYNOPSIS
    Measures what Import-Module StageMap adds to a PowerShell start: a bare 'pwsh -c exit' against
    'pwsh -c Import-Module StageMap', each started fresh, in -Runs alternating pairs.
.DESCRIPTION
    Each pair runs the two starts back to back, so both see the same load on a shared machine; the figure is
    the median of the pairs' ratios (import start / bare start - 1), printed beside the goal. The medians of
    the two starts are printed too.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/StageMap'),
    [int] $Runs = 21,
    [double] $Goal = 0.20
)

$ErrorActionPreference = 'Stop'
$hostPath = (Get-Process -Id $PID).Path
$prefix = @(if ([System.IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
$manifest = (Resolve-Path (Join-Path $ModulePath 'StageMap.psd1')).Path

function Measure-Start([string] $command) {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    & $hostPath @prefix -NoProfile -NonInteractive -Command $command | Out-Null
    if ($LASTEXITCODE) { throw "pwsh failed: $command" }
    $watch.Elapsed.TotalMilliseconds
}

function Get-Median([double[]] $values) {
    $sorted = [double[]]($values | Sort-Object)
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

Measure-Start 'exit' | Out-Null  # warm the disk cache
Measure-Start "Import-Module '$manifest'; exit" | Out-Null
$bare = [System.Collections.Generic.List[double]]::new()
$import = [System.Collections.Generic.List[double]]::new()
$ratios = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Runs; $i++) {
    # Alternate which start goes first, so neither always runs on a cache the other just warmed.
    if ($i % 2) {
        $withImport = Measure-Start "Import-Module '$manifest'; exit"
        $bareStart = Measure-Start 'exit'
    } else {
        $bareStart = Measure-Start 'exit'
        $withImport = Measure-Start "Import-Module '$manifest'; exit"
    }
    $bare.Add($bareStart)
    $import.Add($withImport)
    $ratios.Add($withImport / $bareStart - 1)
}

$fraction = Get-Median $ratios
Write-Host ('Import-Module StageMap adds {0:P0} to a bare PowerShell start (median of {1} paired runs; goal: at most {2:P0}): {3}' -f
    $fraction, $Runs, $Goal, $(if ($fraction -le $Goal) { 'met' } else { 'NOT met' }))
[pscustomobject]@{
    Runs               = $Runs
    BareStartMs        = [math]::Round((Get-Median $bare))
    WithImportMs       = [math]::Round((Get-Median $import))
    ImportAddsFraction = [math]::Round($fraction, 3)
    Goal               = $Goal
}
