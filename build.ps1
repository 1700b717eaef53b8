<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks the StageMap module.
.DESCRIPTION
    Build  assembles out/StageMap (manifest, dlls, format file, help, samples) and generates the MAML
           help from docs/cmdlets into it.
    Test   builds, runs every xUnit project and every Pester suite, prints 'tests: N passed, M failed'
           and fails on any failure or when no test ran.
    Demo   builds and runs module/samples/demo.ps1 in a fresh PowerShell.
    Package builds and publishes out/StageMap with PSResourceGet to a folder repository:
           out/packages/StageMap.<version>.nupkg, installable with Save-PSResource / Install-PSResource.
    Bench  measures Import-Module (and, in a second run, the floors any module pays), profiles the record path (Measure-RecordPath.ps1), runs the conversion and drift
           harnesses (tests/StageMap.Benchmarks/Measure-Conversion.ps1: pipeline, bulk and memory to 10 million rows;
           Measure-StageDrift.ps1: drift against bulk; each writes its section of docs/benchmarks.md), the reader memory harness
           (Measure-ReaderMemory.ps1, likewise) and the BenchmarkDotNet benchmarks in
           tests/StageMap.Benchmarks (arguments after -BenchArgs go to them).
    Fuzz   the long fuzz run (minutes, not part of Test; -FuzzSeconds, default 600): the mutation fuzzer of
           tests/StageMap.Fuzz over every reader from random seeds (printed), then each reader coverage-guided
           by AFL through SharpFuzz (installs afl++ with apt-get when it is missing and it can). Writes
           out/fuzz/summary.txt; fails on any case that is not read or refused with a StageMap error.
    Clean  removes out/ and every bin/ and obj/.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Bench', 'Fuzz', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [string[]] $BenchArgs = @(),

    [ValidateRange(60, 86400)]
    [int] $FuzzSeconds = 600
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'StageMap'
$testResults = Join-Path $out 'test-results'
$pesterVersion = '5.7.1'

# The module folder takes these files only (an allow-list, so nothing stray ships). The cmdlets, one build for
# both editions and the manifest's only module, sit in the root beside the manifest; the engine and its private
# dependencies sit in bin/<tfm>/, one build per edition, and the cmdlets' initializer (src/StageMap.Cmdlets/Loading)
# picks the folder:
# net8.0 for PowerShell 7.4 and later, which carries Newtonsoft.Json 13 and the .NET libraries itself;
# netstandard2.0 for Windows PowerShell 5.1, with CsvHelper's polyfills for .NET Framework.
$moduleAssemblies = @('StageMap.Cmdlets.dll')
$engineAssemblies = [ordered]@{
    'net8.0'         = @('StageMap.Engine.dll', 'CsvHelper.dll')
    'netstandard2.0' = @(
        'StageMap.Engine.dll', 'Newtonsoft.Json.dll', 'CsvHelper.dll', 'Microsoft.Bcl.HashCode.dll'
        'Microsoft.Bcl.AsyncInterfaces.dll', 'System.Buffers.dll', 'System.Memory.dll', 'System.Numerics.Vectors.dll'
        'System.Runtime.CompilerServices.Unsafe.dll', 'System.Threading.Tasks.Extensions.dll'
        'System.Text.Encoding.CodePages.dll'
    )
}

function Invoke-Native([string] $what, [scriptblock] $command) {
    & $command
    if ($LASTEXITCODE -ne 0) { throw "$what failed (exit code $LASTEXITCODE)." }
}

function Invoke-ChildPwsh([string[]] $arguments) {
    # A fresh PowerShell, so a loaded module never locks the dlls of the next build.
    $host_ = (Get-Process -Id $PID).Path
    if ([System.IO.Path]::GetFileNameWithoutExtension($host_) -eq 'dotnet') {
        & $host_ (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive @arguments
    } else {
        & $host_ -NoProfile -NonInteractive @arguments
    }
}

function Invoke-Build {
    $publish = Join-Path $out 'publish'
    Remove-Item $publish -Recurse -Force -ErrorAction Ignore
    Invoke-Native 'dotnet publish' { dotnet publish (Join-Path $root 'src/StageMap.Cmdlets/StageMap.Cmdlets.csproj') -c $Configuration -o (Join-Path $publish 'netstandard2.0') --nologo -v quiet }
    Invoke-Native 'dotnet publish (net8.0 engine)' { dotnet publish (Join-Path $root 'src/StageMap.Engine/StageMap.Engine.csproj') -c $Configuration -f net8.0 -o (Join-Path $publish 'net8.0') --nologo -v quiet }

    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    New-Item -ItemType Directory -Path $moduleOut, (Join-Path $moduleOut 'en-US') | Out-Null
    foreach ($assembly in $moduleAssemblies) { Copy-Item (Join-Path $publish "netstandard2.0/$assembly") $moduleOut }
    foreach ($framework in $engineAssemblies.Keys) {
        $folder = New-Item -ItemType Directory -Path (Join-Path $moduleOut "bin/$framework")
        foreach ($assembly in $engineAssemblies[$framework]) { Copy-Item (Join-Path $publish "$framework/$assembly") $folder }
    }
    Copy-Item (Join-Path $root 'StageMap.psd1') $moduleOut
    Copy-Item (Join-Path $root 'LICENSE') $moduleOut
    Copy-Item (Join-Path $root 'module/StageMap.Format.ps1xml') $moduleOut
    Copy-Item (Join-Path $root 'module/samples') (Join-Path $moduleOut 'samples') -Recurse

    # The MAML help is generated into the module folder only: docs/cmdlets is its one source.
    Copy-Item (Join-Path $root 'module/en-US/*') (Join-Path $moduleOut 'en-US')
    $helpFile = Join-Path $moduleOut 'en-US/StageMap.Cmdlets.dll-Help.xml'
    Invoke-Native 'help generation' { Invoke-ChildPwsh @('-File', (Join-Path $root 'build/HelpWriter.ps1'), '-ModulePath', $moduleOut, '-DocsPath', (Join-Path $root 'docs/cmdlets'), '-OutFile', $helpFile) }
    Write-Host "Built $moduleOut"
}

function Get-TrxCounts([string] $trxFile) {
    [xml] $trx = Get-Content -LiteralPath $trxFile -Raw
    $counters = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted }
}

# A file of a restored NuGet package (build/Tools.proj restores the build's tools).
function Get-PackageFile([string] $relativePath) {
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    Join-Path $packages $relativePath
}

function Invoke-XunitProject([string] $project) {
    $name = Split-Path $project -Leaf
    $trx = "$name.trx"
    Remove-Item (Join-Path $testResults $trx) -ErrorAction Ignore
    $env:STAGEMAP_MODULE_PATH = $moduleOut
    dotnet test (Join-Path $root "tests/$name/$name.csproj") -c $Configuration --nologo --logger "trx;LogFileName=$trx" --results-directory $testResults | Write-Host
    $file = Join-Path $testResults $trx
    if (-not (Test-Path $file)) { Write-Host "No results from $name (it did not build or run)."; return [pscustomobject]@{ Passed = 0; Failed = 1 } }
    Get-TrxCounts $file
}

# The engine as Windows PowerShell 5.1 runs it: the net472 build of the engine tests, on Mono, with xUnit's console
# runner. Tests with a Needs trait are left out and listed; any other test the .NET run ran must run here too.
function Invoke-MonoTests {
    $name = 'StageMap.Engine.Tests'
    if (-not (Get-Command mono -ErrorAction Ignore)) {
        Write-Host 'MISSING: mono (Debian: apt-get install mono-complete; .ci/run installs it). The net472 engine tests did not run.'
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }
    Invoke-Native 'building the engine tests for net472' { dotnet build (Join-Path $root "tests/$name/$name.csproj") -c $Configuration -f net472 --nologo -v quiet }
    $needing = @(Invoke-ChildPwsh @('-File', (Join-Path $root 'build/TestsNeeding.ps1'), '-Assembly', (Join-Path $root "tests/$name/bin/$Configuration/net10.0/$name.dll")) |
        ForEach-Object { $need, $test = $_ -split "`t"; [pscustomobject]@{ Need = $need; Test = $test } })
    $xml = Join-Path $testResults "$name.net472.xml"
    Remove-Item $xml -ErrorAction Ignore
    $leaveOut = $needing.Need | Sort-Object -Unique | ForEach-Object { '-notrait'; "Needs=$_" }
    $console = Get-PackageFile 'xunit.runner.console/2.4.1/tools/net472/xunit.console.exe'
    mono $console (Join-Path $root "tests/$name/bin/$Configuration/net472/$name.dll") @leaveOut -xml $xml -nologo | Write-Host
    if (-not (Test-Path $xml)) { Write-Host "No results from $name on Mono."; return [pscustomobject]@{ Passed = 0; Failed = 1 } }

    [xml] $results = Get-Content -LiteralPath $xml -Raw
    $assembly = $results.assemblies.assembly
    $ranOnMono = @($results.SelectNodes('//test') | ForEach-Object { "$($_.type).$($_.method)" }) | Sort-Object -Unique
    [xml] $trx = Get-Content -LiteralPath (Join-Path $testResults "$name.trx") -Raw
    $ranOnDotNet = @($trx.TestRun.TestDefinitions.UnitTest | ForEach-Object { "$($_.TestMethod.className).$($_.TestMethod.name)" }) | Sort-Object -Unique
    $missing = @($ranOnDotNet | Where-Object { $_ -notin $ranOnMono -and $_ -notin $needing.Test })

    Write-Host "Left out of the Mono run ($($needing.Count), by their Needs trait):"
    $needing | Sort-Object Need, Test | ForEach-Object { Write-Host "  needs $($_.Need): $($_.Test)" }
    foreach ($test in $missing) { Write-Host "NOT RUN ON MONO, and no Needs trait says why: $test" }
    # Attributes by name: <assembly> also has an <errors> element.
    $passed = [int]$assembly.GetAttribute('passed')
    $failed = [int]$assembly.GetAttribute('failed') + [int]$assembly.GetAttribute('errors')
    Write-Host "net472 on Mono: $passed passed, $failed failed"
    [pscustomobject]@{ Passed = $passed; Failed = $failed + $missing.Count }
}

function Invoke-Pester_ {
    $pester = Get-PackageFile "pester/$pesterVersion/tools/Pester.psd1"
    $summary = Join-Path $testResults 'pester-summary.json'
    Remove-Item $summary -ErrorAction Ignore
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$pester'
`$config = New-PesterConfiguration
`$config.Run.Path = '$(Join-Path $root 'tests/Pester')'
`$config.Run.PassThru = `$true
`$config.Output.Verbosity = 'Normal'
`$config.TestResult.Enabled = `$true
`$config.TestResult.OutputPath = '$(Join-Path $testResults 'pester.xml')'
`$env:STAGEMAP_MODULE_PATH = '$moduleOut'
`$result = Invoke-Pester -Configuration `$config
@{ Passed = `$result.PassedCount; Failed = `$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount } | ConvertTo-Json | Set-Content '$summary'
"@
    Invoke-ChildPwsh @('-Command', $script) | Write-Host
    if (-not (Test-Path $summary)) { Write-Host 'Pester did not run.'; return [pscustomobject]@{ Passed = 0; Failed = 1 } }
    Get-Content $summary -Raw | ConvertFrom-Json
}

function Invoke-Test {
    Invoke-Build
    New-Item -ItemType Directory -Path $testResults -Force | Out-Null
    Invoke-Native 'restoring the build tools (Pester, the xUnit console runner)' { dotnet restore (Join-Path $root 'build/Tools.proj') --nologo -v quiet }
    # The Pester live suite starts the loopback servers as a child process; build them fresh. The loading suite
    # imports another module with another CsvHelper before StageMap.
    Invoke-Native 'building the loopback servers' { dotnet build (Join-Path $root 'tests/StageMap.LiveServers/StageMap.LiveServers.csproj') -c Release --nologo -v quiet }
    Invoke-Native 'building the other CsvHelper module' { dotnet build (Join-Path $root 'tests/StageMap.OtherCsvModule/StageMap.OtherCsvModule.csproj') -c Release --nologo -v quiet }
    $results = @(
        Invoke-XunitProject 'StageMap.Engine.Tests'
        Invoke-MonoTests
        Invoke-XunitProject 'StageMap.Cmdlets.Tests'
        Invoke-Pester_
    )
    $passed = ($results | Measure-Object Passed -Sum).Sum
    $failed = ($results | Measure-Object Failed -Sum).Sum
    Write-Host "tests: $passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    Invoke-Native 'the demo' { Invoke-ChildPwsh @('-File', (Join-Path $moduleOut 'samples/demo.ps1')) }
}

function Invoke-Package {
    Invoke-Build
    $packages = Join-Path $out 'packages'
    Remove-Item $packages -Recurse -Force -ErrorAction Ignore
    Invoke-Native 'packaging' { Invoke-ChildPwsh @('-File', (Join-Path $root 'build/PackageWriter.ps1'), '-ModulePath', $moduleOut, '-Repository', $packages) }
}

function Invoke-Bench {
    Invoke-Build
    Write-Host 'Import-Module StageMap beside a bare PowerShell start:'
    Invoke-ChildPwsh @('-File', (Join-Path $root 'tests/StageMap.Benchmarks/Measure-ModuleImport.ps1'), '-ModulePath', $moduleOut) | Write-Host
    Write-Host 'What PowerShell charges any module (a separate run, so the figure above is measured as always):'
    Invoke-ChildPwsh @('-File', (Join-Path $root 'tests/StageMap.Benchmarks/Measure-ModuleImport.ps1'), '-ModulePath', $moduleOut, '-Floors', '-Runs', '11') | Write-Host
    if (-not $IsWindows) {
        Write-Host 'The same with each kind of start replaying its own startup profile, not the one the start before it wrote:'
        Invoke-ChildPwsh @('-File', (Join-Path $root 'tests/StageMap.Benchmarks/Measure-ModuleImport.ps1'), '-ModulePath', $moduleOut, '-Floors', '-OwnProfiles', '-Runs', '11') | Write-Host
    }
    Write-Host 'Where a bulk conversion spends its time, stage by stage (writes its section of docs/benchmarks.md):'
    Invoke-Native 'the record path profile' { Invoke-ChildPwsh @('-File', (Join-Path $root 'tests/StageMap.Benchmarks/Measure-RecordPath.ps1')) | Write-Host }
    Write-Host 'Record conversion, side by side (writes its section of docs/benchmarks.md):'
    Invoke-Native 'the conversion benchmark' { Invoke-ChildPwsh @('-File', (Join-Path $root 'tests/StageMap.Benchmarks/Measure-Conversion.ps1'), '-ModulePath', $moduleOut) | Write-Host }
    Write-Host 'Find-StageDrift on 1,000,000 x 1,000,000 rows (writes its section of docs/benchmarks.md):'
    Invoke-Native 'the drift benchmark' { Invoke-ChildPwsh @('-File', (Join-Path $root 'tests/StageMap.Benchmarks/Measure-StageDrift.ps1'), '-ModulePath', $moduleOut) | Write-Host }
    Write-Host 'Reading hostile files, peak memory (writes its section of docs/benchmarks.md):'
    Invoke-Native 'the reader memory benchmark' { Invoke-ChildPwsh @('-File', (Join-Path $root 'tests/StageMap.Benchmarks/Measure-ReaderMemory.ps1'), '-ModulePath', $moduleOut) | Write-Host }
    Invoke-Native 'the benchmarks' { dotnet run -c Release --project (Join-Path $root 'tests/StageMap.Benchmarks/StageMap.Benchmarks.csproj') -- @BenchArgs }
}

function Install-Afl {
    if (Get-Command afl-fuzz -ErrorAction Ignore) { return $true }
    if ((Get-Command apt-get -ErrorAction Ignore) -and (id -u) -eq '0') {
        Write-Host 'afl-fuzz is missing: installing afl++ (apt-get install afl++).'
        apt-get update -qq | Out-Null
        $env:DEBIAN_FRONTEND = 'noninteractive'
        apt-get install -y -qq afl++ | Out-Null
    }
    if (Get-Command afl-fuzz -ErrorAction Ignore) { return $true }
    Write-Host 'MISSING: afl-fuzz (Debian/Ubuntu: apt-get install afl++; as root). The coverage-guided part did not run.'
    $false
}

function Invoke-Fuzz {
    $fuzzOut = Join-Path $out 'fuzz'
    $plain = Join-Path $fuzzOut 'plain'
    $instrumented = Join-Path $fuzzOut 'afl'
    $project = Join-Path $root 'tests/StageMap.Fuzz/StageMap.Fuzz.csproj'
    Remove-Item $fuzzOut -Recurse -Force -ErrorAction Ignore
    Invoke-Native 'dotnet publish (fuzz)' { dotnet publish $project -c Release -o $plain --nologo -v quiet }
    $summary = [System.Collections.Generic.List[string]]::new()
    $summary.Add("machine: $([Environment]::MachineName), $([Environment]::ProcessorCount) processor(s), $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription); started $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC")
    $failed = $false

    # 1. The mutation fuzzer, a quarter of the time, from random seeds.
    $mutationSeconds = [Math]::Max(30, [int]($FuzzSeconds / 4))
    Write-Host "Mutation fuzzer, $mutationSeconds s:"
    $mutation = & dotnet (Join-Path $plain 'StageMap.Fuzz.dll') mutate --seconds $mutationSeconds
    if ($LASTEXITCODE -ne 0) { $failed = $true }
    $mutation | Write-Host
    $summary.Add('mutation fuzzer:'); $mutation | Where-Object { $_ -and $_ -notmatch '^seed ' } | ForEach-Object { $summary.Add("  $_") }
    $summary.Add("  seeds: $(($mutation | Where-Object { $_ -match '^seed ' } | ForEach-Object { $_.Substring(5) }) -join ', ')")

    # 2. Coverage-guided: AFL drives each reader through SharpFuzz over an instrumented engine.
    if (Install-Afl) {
        Invoke-Native 'dotnet tool restore (sharpfuzz)' { dotnet tool restore }
        Invoke-Native 'dotnet publish (instrumented)' { dotnet publish $project -c Release -o $instrumented --nologo -v quiet }
        foreach ($assembly in 'StageMap.Engine.dll', 'Newtonsoft.Json.dll', 'CsvHelper.dll') {
            Invoke-Native "sharpfuzz $assembly" { dotnet sharpfuzz (Join-Path $instrumented $assembly) }
        }
        $targets = & dotnet (Join-Path $plain 'StageMap.Fuzz.dll') targets
        $perTarget = [Math]::Max(20, [int](($FuzzSeconds - $mutationSeconds) / $targets.Count))
        $env:AFL_SKIP_BIN_CHECK = '1'; $env:AFL_NO_AFFINITY = '1'; $env:AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES = '1'
        $env:AFL_SKIP_CPUFREQ = '1'; $env:AFL_NO_UI = '1'
        $summary.Add("AFL (afl++ through SharpFuzz, $perTarget s per reader):")
        foreach ($target in $targets) {
            $work = Join-Path $fuzzOut "afl-$target"
            Invoke-Native "seeds for $target" { dotnet (Join-Path $plain 'StageMap.Fuzz.dll') seeds $target (Join-Path $work 'in') }
            Write-Host "AFL on $target, $perTarget s:"
            afl-fuzz -i (Join-Path $work 'in') -o (Join-Path $work 'findings') -t 10000 -m none -V $perTarget -- dotnet (Join-Path $instrumented 'StageMap.Fuzz.dll') afl $target *> (Join-Path $work 'afl.log')
            $statsFile = Join-Path $work 'findings/default/fuzzer_stats'
            if (-not (Test-Path $statsFile)) { $summary.Add("  ${target}: AFL did not run (see $work/afl.log)"); $failed = $true; continue }
            $stats = @{}
            Get-Content $statsFile | ForEach-Object { $k, $v = $_ -split '\s*:\s*', 2; $stats[$k.Trim()] = $v.Trim() }
            $line = "  {0,-16} {1,10} executions  {2,6} corpus  {3,6} edges  {4} crashes  {5} hangs" -f $target, $stats.execs_done, $stats.corpus_count, $stats.edges_found, $stats.saved_crashes, $stats.saved_hangs
            Write-Host $line; $summary.Add($line)
            $crashes = @(Get-ChildItem (Join-Path $work 'findings/default/crashes'), (Join-Path $work 'findings/default/hangs') -File -ErrorAction Ignore | Where-Object Name -ne 'README.txt')
            if ($crashes.Count -gt 0) {
                $failed = $true
                & dotnet (Join-Path $plain 'StageMap.Fuzz.dll') replay $target @($crashes.FullName) | ForEach-Object { Write-Host $_; $summary.Add("    $_") }
            }
        }
    } else {
        $summary.Add('AFL: not run, afl-fuzz is missing (apt-get install afl++)')
    }

    $summary.Add("ended $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC")
    $summary | Set-Content (Join-Path $fuzzOut 'summary.txt')
    Write-Host ($summary -join [Environment]::NewLine)
    if ($failed) { throw 'The fuzz run found cases that break the contract (see above and out/fuzz).' }
}

function Invoke-Clean {
    Remove-Item $out -Recurse -Force -ErrorAction Ignore
    Get-ChildItem $root -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force
}

Push-Location $root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Package' { Invoke-Package }
        'Bench' { Invoke-Bench }
        'Fuzz' { Invoke-Fuzz }
        'Clean' { Invoke-Clean }
    }
} finally {
    Pop-Location
}
