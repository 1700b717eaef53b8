<#
.SYNOPSIS
    Runs documentation snippets as a user would, in this (fresh) PowerShell process. Started by
    Invoke-DocsSnippet (DocsHarness.ps1); not a test file of its own.
.DESCRIPTION
    -Mode Session:  every snippet in one runspace, in order, in one copy of the workspace (the README).
    -Mode Isolated: each snippet in a fresh runspace with the module imported (from the job's modules
                    folder, put first on the module path), in its own copy of the workspace, with the
                    loopback servers reset first (the help examples).
    Every runspace has the DocsHost (it types the loopback tokens at Read-Host prompts and answers Yes to
    confirmations) and $PSDefaultParameterValues sending Connect-Outreach to the loopback Outreach.
    Requests for any other machine go to the OffMachineTrap through the proxy variables and are refused.
    Writes one JSON result per snippet to -ResultFile.
#>
param(
    [Parameter(Mandatory)] [string] $JobFile,
    [Parameter(Mandatory)] [string] $ResultFile
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$job = Get-Content -LiteralPath $JobFile -Raw | ConvertFrom-Json

# Before any web request of this process: .NET reads the proxy variables once, on first use.
Add-Type -Path (Join-Path $PSScriptRoot 'DocsHost.cs')
$trap = [StageMapDocs.OffMachineTrap]::new()
foreach ($name in 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY') {
    [Environment]::SetEnvironmentVariable($name, $trap.Address)
    [Environment]::SetEnvironmentVariable($name.ToLowerInvariant(), $trap.Address)
}
[Environment]::SetEnvironmentVariable('NO_PROXY', '127.0.0.1,localhost,::1')
[Environment]::SetEnvironmentVariable('no_proxy', '127.0.0.1,localhost,::1')

# The module as an installed one is: on the module path, so ForEach-Object -Parallel and Start-Job find it too.
if ($job.ModulesFolder) { $env:PSModulePath = $job.ModulesFolder + [System.IO.Path]::PathSeparator + $env:PSModulePath }

$tokens = [System.Collections.Generic.Dictionary[string, string]]::new()
foreach ($property in $job.Tokens.PSObject.Properties) { $tokens[$property.Name] = $property.Value }

# A copy of the workspace (.NET's copy: Copy-Item takes a tenth of a second for the few dozen files).
function New-Workspace([string] $name) {
    $from = $job.Workspace
    $folder = Join-Path $job.WorkRoot $name
    $null = [System.IO.Directory]::CreateDirectory($folder)
    foreach ($directory in [System.IO.Directory]::GetDirectories($from, '*', 'AllDirectories')) {
        $null = [System.IO.Directory]::CreateDirectory($folder + $directory.Substring($from.Length))
    }
    foreach ($file in [System.IO.Directory]::GetFiles($from, '*', 'AllDirectories')) {
        [System.IO.File]::Copy($file, $folder + $file.Substring($from.Length))
    }
    $folder
}

# One initial state for every runspace: building it is most of a runspace's cost, and each runspace
# opened from it still starts with its own session state.
$initialState = [initialsessionstate]::CreateDefault2()
if ($job.ModulesFolder) { $initialState.ImportPSModule([string[]] @('StageMap')) }

function New-DocsSession([string] $folder) {
    $docsHost = [StageMapDocs.DocsHost]::new($tokens)
    $runspace = [runspacefactory]::CreateRunspace($docsHost, $initialState)
    $runspace.Open()
    $shell = [powershell]::Create()
    $shell.Runspace = $runspace
    $defaults = @{}
    foreach ($property in $job.Defaults.PSObject.Properties) { $defaults[$property.Name] = $property.Value }
    # A native command (sf, git) that fails is an error of the snippet, as a failed cmdlet is.
    $null = $shell.AddScript('param($folder, $defaults) Set-Location -LiteralPath $folder; $global:PSDefaultParameterValues = $defaults; $global:PSNativeCommandUseErrorActionPreference = $true').
        AddArgument($folder).AddArgument($defaults).Invoke()
    [pscustomobject]@{ Host = $docsHost; Runspace = $runspace }
}

function Reset-Servers {
    foreach ($server in $job.Servers.PSObject.Properties.Value) { $null = Invoke-RestMethod -Method Post -Uri "$($server.TrimEnd('/'))/_reset" }
}

function Invoke-Snippet($session, $snippet) {
    $shell = [powershell]::Create()
    $shell.Runspace = $session.Runspace
    # Out-String as the console would render the output, so a view that fails to format fails the snippet.
    $null = $shell.AddScript($snippet.Code).AddCommand('Out-String').AddParameter('Width', 120)
    $written = $session.Host.Written.Length
    $session.Host.ExitCode = $null
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $failures = [System.Collections.Generic.List[string]]::new()
    $output = ''
    $pending = $shell.BeginInvoke()
    if (-not $pending.AsyncWaitHandle.WaitOne([timespan]::FromSeconds($job.TimeoutSeconds))) {
        $shell.Stop()
        $failures.Add("It did not end within $($job.TimeoutSeconds) s and was stopped.")
    }
    try {
        $output = ($shell.EndInvoke($pending) | ForEach-Object { "$_" }) -join ''
    } catch {
        $inner = $_.Exception
        while ($inner.InnerException -and $inner -is [System.Management.Automation.MethodInvocationException]) { $inner = $inner.InnerException }
        $record = if ($inner -is [System.Management.Automation.IContainsErrorRecord]) { $inner.ErrorRecord }
        if ($inner -isnot [System.Management.Automation.PipelineStoppedException]) {
            $failures.Add("Terminating error: $(if ($record) { "$($record.FullyQualifiedErrorId): " })$($inner.Message)$(if ($record -and $record.InvocationInfo) { " (at line $($record.InvocationInfo.ScriptLineNumber): $($record.InvocationInfo.Line.Trim()))" })")
        }
    }
    foreach ($record in $shell.Streams.Error) {
        $failures.Add("Error: $($record.FullyQualifiedErrorId): $($record.Exception.Message)$(if ($record.InvocationInfo) { " (at line $($record.InvocationInfo.ScriptLineNumber): $($record.InvocationInfo.Line.Trim()))" })")
    }
    if ($session.Host.ExitCode) { $failures.Add("It ended with exit $($session.Host.ExitCode).") }
    $offMachine = @($trap.TakeTargets())
    foreach ($target in $offMachine) { $failures.Add("It tried to reach another machine: $target") }
    $shell.Dispose()
    [pscustomobject]@{
        Name       = $snippet.Name
        Passed     = $failures.Count -eq 0
        Failures   = @($failures)
        OffMachine = $offMachine
        Output     = $output
        HostText   = $session.Host.Written.Substring($written)
        Seconds    = [math]::Round($watch.Elapsed.TotalSeconds, 2)
    }
}

$null = New-Item -ItemType Directory -Path $job.WorkRoot -Force
$results = [System.Collections.Generic.List[object]]::new()
if ($job.Mode -eq 'Session') {
    $session = New-DocsSession (New-Workspace 'session')
    foreach ($snippet in $job.Snippets) { $results.Add((Invoke-Snippet $session $snippet)) }
    $session.Runspace.Dispose()
} else {
    $index = 0
    foreach ($snippet in $job.Snippets) {
        Reset-Servers
        $session = New-DocsSession (New-Workspace ("{0:D3}" -f ++$index))
        $results.Add((Invoke-Snippet $session $snippet))
        $session.Runspace.Dispose()
    }
}
$trap.Dispose()
ConvertTo-Json -InputObject @($results) -Depth 4 | Set-Content -LiteralPath $ResultFile -Encoding utf8
