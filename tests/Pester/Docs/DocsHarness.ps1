# The documentation harness, dot-sourced by ReadmeBlocks.Tests.ps1 and HelpExamples.Tests.ps1: the
# README's powershell blocks and every help example of every exported cmdlet run as written, as a user
# would run them, against the loopback servers, with the fake 'sf' first on PATH. Nothing may reach
# another machine: the child PowerShell sends every request for one to a trap that refuses it, and
# the snippet fails naming the address.

# Help examples the tests do not run, by "<cmdlet>: <example title>", with the reason. Each one's
# remarks say so to the reader too (the test checks both ways).
$script:NotRunnableExamples = [ordered]@{
    'Connect-Crm: Connect with a token in hand' = 'it names a real org (https://acme.my.salesforce.com), and -InstanceUrl given on the command line cannot be sent to the loopback server'
    'ConvertTo-OutreachProspect: Send prospects to the Outreach API' = 'it creates prospects at https://api.outreach.io with Invoke-RestMethod; the loopback Outreach serves stages only'
    'Export-CrmMetadata: Check the deployment, then deploy' = "it deploys to an org with 'sf project deploy start', which the fake sf does not do"
    'Test-StageMapping: In a Pester test' = 'it is one It block of a Pester file: it runs under Invoke-Pester, inside a Describe block'
}

# The phrase a not-runnable example's remarks carry, so a reader of the help knows it was not run.
$script:NotRunPhrase = 'The help tests do not run this example'

# The loopback servers' credentials (tests/StageMap.LiveServers): what the user types at a prompt
# that names the system.
$script:LoopbackTokens = [ordered]@{
    Outreach   = 'or-access-1f6c2a9d'
    Salesforce = '00DLOOPBACK000001!AQ4AQ.sf-access-3c9e'
}

# The secret variables of a CI job (the unattended Connect-Outreach example reads them): the loopback
# Outreach app's credentials.
$script:CiSecrets = [ordered]@{
    OUTREACH_CLIENT_ID     = 'stagemap-loopback-client'
    OUTREACH_CLIENT_SECRET = 'or-client-secret-7b3e51'
    OUTREACH_REFRESH_TOKEN = 'or-refresh-4d8a0c2e'
}

# Everything a harness runs, and the built module, under one temporary folder per test file.
function New-DocsFolder([string] $Name) {
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) "stagemap-docs-$Name-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    New-Item -ItemType Directory -Path $folder | Select-Object -ExpandProperty FullName
}

# The fenced powershell blocks of a Markdown file, in order: Index, Line (of the fence), Heading (the
# last heading above it), Code.
function Get-ReadmeBlock([string] $Path) {
    $lines = Get-Content -LiteralPath $Path -Encoding utf8
    $heading = '(top)'
    $index = 0
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -match '^#+\s+(.+)$') { $heading = $Matches[1].Trim(); continue }
        if ($lines[$i] -notmatch '^```(\S*)\s*$') { continue }
        $language = $Matches[1]
        $start = $i
        $code = [System.Collections.Generic.List[string]]::new()
        for ($i++; $i -lt $lines.Count -and $lines[$i] -notmatch '^```\s*$'; $i++) { $code.Add($lines[$i]) }
        if ($language -ne 'powershell') { continue }
        $index++
        [pscustomobject]@{ Index = $index; Line = $start + 1; Heading = $heading; Name = "README block $index (line $($start + 1), '$heading')"; Code = $code -join "`n" }
    }
}

# Every example of every cmdlet the module exports, from the generated MAML help (so a cmdlet added
# later is covered as soon as it is exported): Cmdlet, Number, Title, Key ("<cmdlet>: <title>"), Name,
# Code, Remarks, and NotRunReason when the example is in $NotRunnableExamples.
function Get-HelpExample([string] $ModulePath) {
    Import-Module $ModulePath -Force
    foreach ($command in Get-Command -Module StageMap -CommandType Cmdlet | Sort-Object Name) {
        $number = 0
        foreach ($example in @((Get-Help $command.Name -Full).examples.example)) {
            if (-not $example) { continue }
            $number++
            $title = ($example.title -replace '^-+\s*', '' -replace '\s*-+$', '' -replace '^Example \d+:\s*', '').Trim()
            $key = "$($command.Name): $title"
            [pscustomobject]@{
                Cmdlet       = $command.Name
                Number       = $number
                Title        = $title
                Key          = $key
                Name         = "$($command.Name) example $number ('$title')"
                Code         = $example.code
                Remarks      = ($example.remarks.Text | Where-Object { $_ }) -join ' '
                NotRunReason = $NotRunnableExamples[$key]
            }
        }
    }
}

# Pester makes a test's variables from a hashtable's keys: the test cases of a -ForEach.
function ConvertTo-TestCase([Parameter(ValueFromPipeline)] $InputObject) {
    process {
        $case = @{}
        foreach ($property in $InputObject.PSObject.Properties) { $case[$property.Name] = $property.Value }
        $case
    }
}

# Starts the loopback servers and the fake 'sf' (as tests/Pester/LiveServers.ps1 does for the live suite).
function Start-DocsEnvironment {
    . (Join-Path $PSScriptRoot '../LiveServers.ps1')
    $servers = Start-LiveServers
    $sf = Install-FakeSalesforceCli -InstanceUrl $servers.Salesforce -AccessToken $LoopbackTokens.Salesforce -Cli New
    [pscustomobject]@{ Servers = $servers; FakeSf = $sf }
}

function Stop-DocsEnvironment($Environment) {
    if (-not $Environment) { return }
    . (Join-Path $PSScriptRoot '../LiveServers.ps1')
    Remove-FakeSalesforceCli $Environment.FakeSf
    Stop-LiveServers $Environment.Servers
}

<#
Runs -Snippets (objects with Name and Code) in a fresh PowerShell process (DocsRunner.ps1), from copies
of -Workspace, and returns one result per snippet: Name, Passed, Failures, OffMachine, Output, HostText.
-Mode Session runs them in order in one runspace (the README). Isolated runs each in a fresh runspace
with the module imported (the help examples; -ModulePath is copied to a modules folder put first on the
module path, as if installed): a fresh runspace has the session state of a fresh PowerShell (its own
current configuration, connections, variables and location) for a tenth of a process start.
The process gets a home of its own (so PSResourceGet's repository store and module path are fresh and
the user's stay untouched) and a temporary folder of its own.
#>
function Invoke-DocsSnippet {
    param(
        [Parameter(Mandatory)] [object[]] $Snippets,
        [Parameter(Mandatory)] [ValidateSet('Session', 'Isolated')] [string] $Mode,
        [Parameter(Mandatory)] [string] $Workspace,
        [Parameter(Mandatory)] [string] $Folder,
        [Parameter(Mandatory)] $Environment,
        [string] $ModulePath,
        [int] $TimeoutSeconds = 120
    )
    $home_ = New-Item -ItemType Directory -Path (Join-Path $Folder 'home') -Force
    $temp = New-Item -ItemType Directory -Path (Join-Path $Folder 'tmp') -Force
    $modulesFolder = $null
    if ($ModulePath) {
        $modulesFolder = (New-Item -ItemType Directory -Path (Join-Path $Folder 'modules') -Force).FullName
        Copy-Item -LiteralPath $ModulePath -Destination (Join-Path $modulesFolder 'StageMap') -Recurse
    }
    $job = [ordered]@{
        Mode           = $Mode
        Workspace      = $Workspace
        WorkRoot       = Join-Path $Folder 'runs'
        ModulesFolder  = $modulesFolder
        TimeoutSeconds = $TimeoutSeconds
        Tokens         = $LoopbackTokens
        Servers        = @{ Salesforce = "$($Environment.Servers.Salesforce)"; Outreach = "$($Environment.Servers.Outreach)" }
        # Connect-Outreach goes to Outreach's own address unless told otherwise; the user's defaults send it here.
        Defaults       = @{ 'Connect-Outreach:BaseUri' = "$($Environment.Servers.Outreach)" }
        Snippets       = @($Snippets | ForEach-Object { @{ Name = $_.Name; Code = $_.Code } })
    }
    $jobFile = Join-Path $Folder 'job.json'
    $resultFile = Join-Path $Folder 'results.json'
    $job | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $jobFile -Encoding utf8

    $pwsh = (Get-Process -Id $PID).Path
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
    if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($argument in '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'DocsRunner.ps1'), '-JobFile', $jobFile, '-ResultFile', $resultFile) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.WorkingDirectory = $Folder
    $start.Environment['HOME'] = $home_.FullName
    $start.Environment['TMPDIR'] = $temp.FullName
    $start.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
    $start.Environment['POWERSHELL_UPDATECHECK'] = 'Off'
    foreach ($secret in $CiSecrets.GetEnumerator()) { $start.Environment[$secret.Key] = $secret.Value }
    foreach ($inherited in 'PSModulePath', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'STAGEMAP_MODULE_PATH') { $null = $start.Environment.Remove($inherited) }
    $process = [System.Diagnostics.Process]::Start($start)
    $stderr = $process.StandardError.ReadToEndAsync()
    $stdout = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    if (-not (Test-Path -LiteralPath $resultFile)) {
        throw "The docs runner wrote no results (exit code $($process.ExitCode)):`n$stdout`n$($stderr.Result)"
    }
    Get-Content -LiteralPath $resultFile -Raw | ConvertFrom-Json
}

# A failure message that names the snippet and shows what went wrong and what it wrote.
function Format-DocsFailure($Result, [string] $Code) {
    $tail = (($Result.HostText + $Result.Output) -split "`n" | Select-Object -Last 25) -join "`n"
    "$($Result.Name) failed:`n  $($Result.Failures -join "`n  ")`n--- code ---`n$Code`n--- last output ---`n$tail"
}
