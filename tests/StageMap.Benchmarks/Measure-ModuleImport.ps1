<#
.SYNOPSIS
    Measures what Import-Module StageMap adds to a PowerShell start: bare 'pwsh -c exit' against
    'pwsh -c Import-Module StageMap', each started fresh, alternating, medians over -Runs runs.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/StageMap'),
    [int] $Runs = 15
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
    $sorted = $values | Sort-Object
    $sorted[[int][math]::Floor($sorted.Count / 2)]
}

Measure-Start 'exit' | Out-Null  # warm the disk cache
$bare = [System.Collections.Generic.List[double]]::new()
$import = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Runs; $i++) {
    $bare.Add((Measure-Start 'exit'))
    $import.Add((Measure-Start "Import-Module '$manifest'; exit"))
}

$bareMedian = Get-Median $bare
$importMedian = Get-Median $import
[pscustomobject]@{
    Runs               = $Runs
    BareStartMs        = [math]::Round($bareMedian)
    WithImportMs       = [math]::Round($importMedian)
    ImportAddsMs       = [math]::Round($importMedian - $bareMedian)
    ImportAddsFraction = [math]::Round(($importMedian - $bareMedian) / $bareMedian, 3)
}
