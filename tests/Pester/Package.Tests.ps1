# The module as users get it from a gallery: packed by build/PackageWriter.ps1 (what ./build.ps1 -Task Package
# runs) with Publish-PSResource into a folder repository, then saved from there with Save-PSResource into a
# temporary module path and imported by name. All offline; the user's PSResourceGet repositories stay as they were.
Describe 'The StageMap package' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestModule.ps1')
        $pwsh = (Get-Process -Id $PID).Path
        $pwshArguments = @('-NoProfile', '-NonInteractive')
        if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $pwshArguments = @(Join-Path $PSHOME 'pwsh.dll') + $pwshArguments }

        $userStore = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
        $userStoreBefore = if (Test-Path $userStore) { (Get-FileHash $userStore).Hash }

        $script:manifest = Import-PowerShellDataFile (Join-Path $modulePath 'StageMap.psd1')
        $repository = Join-Path $TestDrive 'repository'
        $packWriter = Join-Path $PSScriptRoot '../../build/PackageWriter.ps1'
        # From a folder of its own, to see that PSResourceGet keeps no repository store there.
        $script:packFolder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'pack')
        Push-Location $packFolder
        try {
            $script:packOutput = & $pwsh @pwshArguments -File $packWriter -ModulePath $modulePath -Repository $repository 2>&1 | ForEach-Object { "$_" }
            $script:packExitCode = $LASTEXITCODE
        } finally {
            Pop-Location
        }
        $script:package = Join-Path $repository "StageMap.$($manifest.ModuleVersion).nupkg"

        $install = @'
param($Repository, $Modules, $Store)
$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Path $Store | Out-Null
$env:XDG_DATA_HOME = $Store
Register-PSResourceRepository -Name StageMapTest -Uri $Repository -Trusted
Save-PSResource -Name StageMap -Repository StageMapTest -Path $Modules
$env:PSModulePath = $Modules + [System.IO.Path]::PathSeparator + $env:PSModulePath
Import-Module StageMap
$module = Get-Module StageMap
[pscustomobject]@{
    ModuleBase = $module.ModuleBase
    Version    = "$($module.Version)"
    Cmdlets    = $module.ExportedCmdlets.Count
    AboutHelp  = (Get-Help about_StageMap | Out-String)
    License    = Test-Path (Join-Path $module.ModuleBase 'LICENSE')
    CmdletHelp = (Get-Help New-OutreachStage).Synopsis
    Builds     = @(Get-ChildItem (Join-Path $module.ModuleBase 'bin') -Directory | ForEach-Object Name | Sort-Object)
    EngineFrom = (New-StageMapConfiguration).GetType().Assembly.Location.Substring($module.ModuleBase.Length + 1).Replace('\', '/')
} | ConvertTo-Json -Compress
'@
        $installScript = Join-Path $TestDrive 'install.ps1'
        Set-Content -LiteralPath $installScript -Value $install
        $script:modules = Join-Path $TestDrive 'modules'
        New-Item -ItemType Directory -Path $modules | Out-Null
        $script:store = Join-Path $TestDrive 'store'
        $installOutput = & $pwsh @pwshArguments -File $installScript -Repository $repository -Modules $modules -Store $store 2>&1 | ForEach-Object { "$_" }
        $script:installed = $installOutput | Where-Object { $_.StartsWith('{"ModuleBase"') } | Select-Object -Last 1 | ConvertFrom-Json
        $script:installOutput = $installOutput -join "`n"

        $script:userStoreAfter = if (Test-Path $userStore) { (Get-FileHash $userStore).Hash }
        $script:userStoreBefore = $userStoreBefore
    }

    It 'is StageMap.VERSION.nupkg, written by Publish-PSResource' {
        $packExitCode | Should -Be 0 -Because ($packOutput -join "`n")
        $package | Should -Exist
    }

    It 'installs with Save-PSResource and imports by name from the module path' {
        $installed | Should -Not -BeNullOrEmpty -Because $installOutput
        $installed.ModuleBase | Should -BeLike "$modules*"
        $installed.Version | Should -Be $manifest.ModuleVersion
        $installed.Cmdlets | Should -Be $manifest.CmdletsToExport.Count
    }

    It 'holds the engine for each edition and loads the net8.0 build on PowerShell 7' {
        $installed.Builds | Should -Be @('net8.0', 'netstandard2.0')
        $installed.EngineFrom | Should -Be 'bin/net8.0/StageMap.Engine.dll'
    }

    It 'brings its about help, its cmdlet help and its license' {
        $installed.CmdletHelp | Should -Not -BeNullOrEmpty
        $installed.CmdletHelp | Should -Not -Match 'New-OutreachStage \['
        $installed.AboutHelp | Should -Match 'about_StageMap'
        $installed.License | Should -BeTrue
    }

    It 'has release notes and no invented URLs in its manifest' {
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.Keys | Should -Not -Contain 'ProjectUri'
        $manifest.PrivateData.PSData.Keys | Should -Not -Contain 'LicenseUri'
        $manifest.Keys | Should -Not -Contain 'HelpInfoURI'
        Get-Content (Join-Path $modulePath 'LICENSE') -TotalCount 3 | Should -Be @('MIT License', '', 'Copyright (c) 2026 StageMap contributors')
    }

    It "leaves the user's PSResourceGet repositories as they were" {
        $userStoreAfter | Should -Be $userStoreBefore
        Join-Path $packFolder 'PSResourceGet' | Should -Not -Exist
        Join-Path $store 'PSResourceGet/PSResourceRepository.xml' | Should -Exist
    }
}
