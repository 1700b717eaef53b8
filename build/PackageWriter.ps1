<#
.SYNOPSIS
    Packs the built module as the PowerShell Gallery would: Publish-PSResource into a plain folder repository.
.DESCRIPTION
    Registers -Repository (a folder; created if missing) as a trusted PSResourceGet repository under a
    name of its own, publishes -ModulePath to it (StageMap.<version>.nupkg) and unregisters it again.
    The repository registration goes to a temporary PSResourceGet store where the platform allows it
    (XDG_DATA_HOME on Linux and macOS), so the user's registered repositories are left untouched; on
    Windows the temporary registration is removed at the end. Needs no network.
    Runs in its own PowerShell process (it changes XDG_DATA_HOME).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Repository
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# The folder must exist: .NET reports a missing XDG_DATA_HOME folder as '', and PSResourceGet would then keep
# its store in the current folder.
$store = Join-Path ([System.IO.Path]::GetTempPath()) "stagemap-psresourceget-$([guid]::NewGuid().ToString('N'))"
New-Item -ItemType Directory -Path $store | Out-Null
$env:XDG_DATA_HOME = $store
Import-Module Microsoft.PowerShell.PSResourceGet

$name = "StageMapBuild$([guid]::NewGuid().ToString('N').Substring(0, 8))"
New-Item -ItemType Directory -Path $Repository -Force | Out-Null
Register-PSResourceRepository -Name $name -Uri (Resolve-Path -LiteralPath $Repository).ProviderPath -Trusted
try {
    Publish-PSResource -Path $ModulePath -Repository $name
} finally {
    Unregister-PSResourceRepository -Name $name
    Remove-Item -LiteralPath $store -Recurse -Force -ErrorAction Ignore
}

$manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $ModulePath 'StageMap.psd1')
$package = Join-Path $Repository "StageMap.$($manifest.ModuleVersion).nupkg"
if (-not (Test-Path -LiteralPath $package)) { throw "Publish-PSResource wrote no $package." }
Write-Host "Package: $package"
