<#
.SYNOPSIS
    Measures what Import-Module StageMap adds to a PowerShell start: a bare 'pwsh -c exit' against
    'pwsh -c Import-Module StageMap', each started fresh, in -Runs alternating pairs.
.DESCRIPTION
    Each pair runs the two starts back to back, so both see the same load on a shared machine; the figure is
    the median of the pairs' ratios (import start / bare start - 1), printed beside the goal. The medians of
    the two starts are printed too.

    -Floors adds, in each round after the pair, the imports of two modules that do next to nothing: a manifest
    with a one-function script module and a manifest with a one-cmdlet binary module (both made in a temporary
    folder). What they add to the same round's bare start is what PowerShell charges any module; StageMap
    over the one-cmdlet module is StageMap's own share. Informative: the pair and its figure are measured as
    without -Floors.

    -OwnProfiles gives each kind of start (bare, StageMap, each floor) a startup-profile folder of its own
    (XDG_CACHE_HOME, in a temporary folder). PowerShell replays, on a second thread, the methods its previous
    start compiled (~/.cache/powershell/StartupProfileData-NonInteractive) and rewrites that file at exit, so
    without it each start replays the profile of whatever ran just before: an import after a bare start finds
    none of the module machinery in it, an import after an import finds all of it. With it, each start replays
    its own kind's profile, as a script that runs the same command each time would. Informative: its figure is
    printed without the goal's verdict, which belongs to the shared-profile measure. Linux and macOS only: on
    Windows PowerShell keeps the profile under LOCALAPPDATA and ignores XDG_CACHE_HOME.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/StageMap'),
    [int] $Runs = 21,
    [double] $Goal = 0.20,
    [switch] $Floors,
    [switch] $OwnProfiles
)

$ErrorActionPreference = 'Stop'
$hostPath = (Get-Process -Id $PID).Path
$prefix = @(if ([System.IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
$manifest = (Resolve-Path (Join-Path $ModulePath 'StageMap.psd1')).Path

$profileFolder = $null
$profileFolders = @{}
if ($OwnProfiles -and $IsWindows) {
    throw '-OwnProfiles works where PowerShell keeps its startup profile under XDG_CACHE_HOME (Linux, macOS), not on Windows.'
}
if ($OwnProfiles) {
    $profileFolder = Join-Path ([System.IO.Path]::GetTempPath()) ("stagemap-import-profiles-" + [guid]::NewGuid().ToString('n'))
}

function Measure-Start([string] $command) {
    $savedCache = $env:XDG_CACHE_HOME
    if ($profileFolder) {
        # One folder per command: each kind of start replays the profile its own previous start wrote.
        if (-not $profileFolders.ContainsKey($command)) {
            $profileFolders[$command] = Join-Path $profileFolder "start$($profileFolders.Count)"
        }
        $env:XDG_CACHE_HOME = $profileFolders[$command]
    }
    try {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        & $hostPath @prefix -NoProfile -NonInteractive -Command $command | Out-Null
        if ($LASTEXITCODE) { throw "pwsh failed: $command" }
        $watch.Elapsed.TotalMilliseconds
    } finally {
        $env:XDG_CACHE_HOME = $savedCache
    }
}

function Get-Median([double[]] $values) {
    $sorted = [double[]]($values | Sort-Object)
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

# The floor modules: a manifest each, as StageMap has, exporting one command.
function New-FloorModules([string] $folder) {
    $script = New-Item -ItemType Directory -Path (Join-Path $folder 'FloorScript')
    Set-Content (Join-Path $script 'FloorScript.psm1') 'function Get-FloorScript { 1 }'
    New-ModuleManifest (Join-Path $script 'FloorScript.psd1') -RootModule 'FloorScript.psm1' -FunctionsToExport 'Get-FloorScript' -CmdletsToExport @() -AliasesToExport @() -VariablesToExport @()
    $binary = New-Item -ItemType Directory -Path (Join-Path $folder 'FloorBinary')
    Add-Type -OutputAssembly (Join-Path $binary 'FloorBinary.dll') -OutputType Library -TypeDefinition @'
using System.Management.Automation;

[Cmdlet(VerbsCommon.Get, "FloorBinary")]
public sealed class GetFloorBinaryCommand : PSCmdlet
{
    protected override void EndProcessing() => WriteObject(1);
}
'@
    New-ModuleManifest (Join-Path $binary 'FloorBinary.psd1') -RootModule 'FloorBinary.dll' -CmdletsToExport 'Get-FloorBinary' -FunctionsToExport @() -AliasesToExport @() -VariablesToExport @()
    [ordered]@{
        'a one-function script module' = "Import-Module '$(Join-Path $script 'FloorScript.psd1')'; exit"
        'a one-cmdlet binary module'   = "Import-Module '$(Join-Path $binary 'FloorBinary.psd1')'; exit"
    }
}

$floorFolder = $null
$floorStarts = [ordered]@{}
$floorRatios = @{}
if ($Floors) {
    $floorFolder = Join-Path ([System.IO.Path]::GetTempPath()) ("stagemap-import-floors-" + [guid]::NewGuid().ToString('n'))
    $floorStarts = New-FloorModules $floorFolder
    foreach ($name in $floorStarts.Keys) { $floorRatios[$name] = [System.Collections.Generic.List[double]]::new() }
}

try {
    Measure-Start 'exit' | Out-Null  # warm the disk cache
    Measure-Start "Import-Module '$manifest'; exit" | Out-Null
    foreach ($command in $floorStarts.Values) { Measure-Start $command | Out-Null }
    $bare = [System.Collections.Generic.List[double]]::new()
    $import = [System.Collections.Generic.List[double]]::new()
    $ratios = [System.Collections.Generic.List[double]]::new()
    $ownShare = [System.Collections.Generic.List[double]]::new()
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
        foreach ($name in $floorStarts.Keys) {
            $floorStart = Measure-Start $floorStarts[$name]
            $floorRatios[$name].Add($floorStart / $bareStart - 1)
            if ($name -like '*binary*') { $ownShare.Add($withImport / $floorStart - 1) }
        }
    }
} finally {
    foreach ($folder in $floorFolder, $profileFolder) {
        if ($folder) { Remove-Item $folder -Recurse -Force -ErrorAction Ignore }
    }
}

$fraction = Get-Median $ratios
if ($OwnProfiles) {
    Write-Host ('Informative, each kind of start replaying its own startup profile: Import-Module StageMap adds {0:P0} to a bare PowerShell start (median of {1} paired runs)' -f
        $fraction, $Runs)
} else {
    Write-Host ('Import-Module StageMap adds {0:P0} to a bare PowerShell start (median of {1} paired runs; goal: at most {2:P0}): {3}' -f
        $fraction, $Runs, $Goal, $(if ($fraction -le $Goal) { 'met' } else { 'NOT met' }))
}
foreach ($name in $floorStarts.Keys) {
    Write-Host ('  floor: Import-Module of {0} adds {1:P0} to the same bare start (median of {2})' -f $name, (Get-Median $floorRatios[$name]), $Runs)
}
if ($Floors) {
    Write-Host ('  StageMap''s own share: its start over the one-cmdlet module''s start, {0:P0} (median of {1})' -f (Get-Median $ownShare), $Runs)
}
[pscustomobject]@{
    Runs               = $Runs
    BareStartMs        = [math]::Round((Get-Median $bare))
    WithImportMs       = [math]::Round((Get-Median $import))
    ImportAddsFraction = [math]::Round($fraction, 3)
    Goal               = $Goal
    OwnProfiles        = [bool] $OwnProfiles
}
