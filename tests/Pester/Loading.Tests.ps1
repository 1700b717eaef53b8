# On PowerShell 7 StageMap keeps its private dependencies in a load context of its own: a module that loaded
# another CsvHelper first (tests/StageMap.OtherCsvModule, CsvHelper 30) does not stop StageMap, and StageMap
# does not disturb it. Each case runs in a fresh PowerShell: what a process has loaded stays loaded.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $script:pwsh = (Get-Process -Id $PID).Path
    $script:pwshArguments = @('-NoProfile', '-NonInteractive')
    if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $script:pwshArguments = @(Join-Path $PSHOME 'pwsh.dll') + $pwshArguments }
    $script:otherModule = Join-Path $PSScriptRoot '../StageMap.OtherCsvModule/bin/Release/net8.0/StageMap.OtherCsvModule.dll'
    $script:samples = Join-Path $modulePath 'samples'

    # Runs $script in a new PowerShell, in a copy of the samples, with $Manifest (StageMap's) and $Other (the
    # other module's dll); returns what it wrote as JSON.
    function Invoke-Fresh([string] $script) {
        $work = New-Item -ItemType Directory -Path (Join-Path $TestDrive ([guid]::NewGuid()))
        Copy-Item (Join-Path $samples '*') $work -Recurse
        Copy-Item (Join-Path $FixturesPath 'salesforce/dataloader_extract_LeadStatus__stagemap.csv') $work
        $file = Join-Path $work 'case.ps1'
        Set-Content -LiteralPath $file -Value ("param(`$Manifest, `$Other)`n`$ErrorActionPreference = 'Stop'`n" + $script)
        Push-Location $work
        try {
            $output = & $pwsh @pwshArguments -File $file -Manifest (Join-Path $modulePath 'StageMap.psd1') -Other $otherModule 2>&1 | ForEach-Object { "$_" }
            if ($LASTEXITCODE -ne 0) { throw "The fresh PowerShell failed ($LASTEXITCODE): $($output -join [Environment]::NewLine)" }
            $output -join [Environment]::NewLine | ConvertFrom-Json
        } finally {
            Pop-Location
        }
    }

    $script:convert = @'
# CsvHelper reads Data Loader exports (record files have StageMap's own parser), so the import uses it.
function Convert-Leads {
    Import-StageMapConfiguration ./outreach-sync-mapping.json | Out-Null
    Import-CrmMetadata -Path ./dataloader_extract_LeadStatus__stagemap.csv | Out-Null
    ConvertTo-OutreachProspect -Object Lead -Path ./salesforce-leads.csv -OutFile ./prospects.jsonl -Force
}
function Get-CsvHelperOfStageMap {
    $engine = (Get-StageMapConfiguration).GetType().Assembly
    $csvHelper = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).Assemblies | Where-Object { $_.GetName().Name -eq 'CsvHelper' }
    [pscustomobject]@{ Version = "$($csvHelper.GetName().Version)"; Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).GetType().Name }
}
'@
}

Describe 'Import-Module StageMap after a module with another CsvHelper' {
    BeforeAll {
        $script:result = Invoke-Fresh (@'
Import-Module $Other
$before = @(Read-OtherCsv ./salesforce-leads.csv)
Import-Module $Manifest
$context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object { $_.GetType().Name -eq 'EngineLoadContext' }
$loadedByImport = @($context.Assemblies | ForEach-Object { $_.GetName().Name })
$stageMapAtImport = @([System.AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name } | Where-Object { $_ -in 'StageMap.Cmdlets', 'StageMap.Engine' })
'@ + "`n" + $convert + "`n" + @'
$summary = Convert-Leads
$afterStageMap = @(Read-OtherCsv ./salesforce-leads.csv)
[pscustomobject]@{
    LoadedByImport = $loadedByImport; StageMapAtImport = $stageMapAtImport
    OtherRows = $before.Count; OtherCsvHelper = $before[0].CsvHelperVersion; OtherRowsAfter = $afterStageMap.Count
    Read = $summary.Read; Written = $summary.Written; Lines = @(Get-Content ./prospects.jsonl).Count
    StageMapCsvHelper = Get-CsvHelperOfStageMap
    SharedNewtonsoft = [Newtonsoft.Json.JsonConvert].Assembly -eq [System.Management.Automation.PSObject].Assembly.GetType('Newtonsoft.Json.JsonConvert', $false).Assembly -or
        ([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([Newtonsoft.Json.JsonConvert].Assembly) -eq [System.Runtime.Loader.AssemblyLoadContext]::Default)
} | ConvertTo-Json -Depth 3
'@)
    }

    It 'imports and converts a CSV file with its own CsvHelper, in its own load context' {
        $result.OtherCsvHelper | Should -Be '30.0.0.0'
        $result.Read | Should -Be 22
        $result.Written | Should -Be 22
        $result.Lines | Should -Be 22
        $result.StageMapCsvHelper.Version | Should -Be '33.0.0.0'
        $result.StageMapCsvHelper.Context | Should -Be 'EngineLoadContext'
    }

    It 'loads only the cmdlets at import: the engine waits for the first StageMap command, CsvHelper for one that reads a file' {
        $result.LoadedByImport | Should -BeNullOrEmpty
        $result.StageMapAtImport | Should -Be @('StageMap.Cmdlets')
    }

    It 'leaves the other module working' {
        $result.OtherRows | Should -Be 22
        $result.OtherRowsAfter | Should -Be 22
    }

    It 'shares Newtonsoft.Json with PowerShell' {
        $result.SharedNewtonsoft | Should -BeTrue
    }
}

Describe 'Remove-Module StageMap and import it again' {
    It 'converts again with the same engine, after Remove-Module and after Import-Module -Force' {
        $result = Invoke-Fresh (@'
Import-Module $Other
Read-OtherCsv ./salesforce-leads.csv | Out-Null
Import-Module $Manifest
'@ + "`n" + $convert + "`n" + @'
$first = Convert-Leads
$engine = (Get-StageMapConfiguration).GetType().Assembly
Remove-Module StageMap
$gone = -not (Get-Command ConvertTo-OutreachProspect -ErrorAction Ignore)
Import-Module $Manifest
$second = Convert-Leads
Import-Module $Manifest -Force
$third = Convert-Leads
[pscustomobject]@{
    Gone = $gone; Written = @($first.Written, $second.Written, $third.Written)
    SameEngine = (Get-StageMapConfiguration).GetType().Assembly -eq $engine
    StageMapCsvHelper = Get-CsvHelperOfStageMap
} | ConvertTo-Json -Depth 3
'@)

        $result.Gone | Should -BeTrue
        $result.Written | Should -Be @(22, 22, 22)
        $result.SameEngine | Should -BeTrue
        $result.StageMapCsvHelper.Version | Should -Be '33.0.0.0'
    }
}
