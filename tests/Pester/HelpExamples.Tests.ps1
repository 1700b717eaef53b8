# Every example of every exported cmdlet's help runs as written (tests/Pester/Docs/DocsHarness.ps1):
# each in a fresh runspace with the module imported, in its own copy of the module's samples (a git
# repository with them committed on main), against the loopback servers, with the fake 'sf' first on
# PATH. An example that must not run is listed, with its reason, in DocsHarness.ps1 and says so in its
# remarks.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Docs/DocsHarness.ps1')
    $modulePath = if ($env:STAGEMAP_MODULE_PATH) { $env:STAGEMAP_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/StageMap' }
    $examples = @(Get-HelpExample $modulePath)
    $runnable = @($examples | Where-Object { -not $_.NotRunReason } | ConvertTo-TestCase)
    $notRunnable = @($examples | Where-Object NotRunReason | ConvertTo-TestCase)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Docs/DocsHarness.ps1')
    $modulePath = if ($env:STAGEMAP_MODULE_PATH) { $env:STAGEMAP_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/StageMap' }
    $modulePath = (Resolve-Path $modulePath).Path
    $examples = @(Get-HelpExample $modulePath)

    $folder = New-DocsFolder 'help'
    $workspace = New-Item -ItemType Directory -Path (Join-Path $folder 'workspace')
    Copy-Item -Path (Join-Path $modulePath 'samples/*') -Destination $workspace -Recurse
    # The repository an admin keeps the mapping in: the samples committed on main.
    git -C $workspace init --quiet --initial-branch main
    git -C $workspace add --all
    git -C $workspace -c user.name=StageMap -c user.email=docs@stagemap.invalid commit --quiet --message 'The samples'
    if ($LASTEXITCODE -ne 0) { throw 'git could not commit the samples.' }

    $environment = Start-DocsEnvironment
    # The harness checks itself too: a snippet that reaches for another machine must fail, naming it.
    $offMachine = [pscustomobject]@{ Name = '(harness) a request for another machine'; Code = 'Invoke-RestMethod https://api.outreach.io/api/v2/stages' }
    $exitOne = [pscustomobject]@{ Name = '(harness) a script that exits 1'; Code = "'about to fail'; exit 1" }
    $runnable = @($examples | Where-Object { -not $_.NotRunReason }) + $offMachine + $exitOne
    $results = @{}
    foreach ($result in Invoke-DocsSnippet -Snippets $runnable -Mode Isolated -Workspace $workspace -Folder $folder -Environment $environment -ModulePath $modulePath) {
        $results[$result.Name] = $result
    }
}

AfterAll {
    Stop-DocsEnvironment $environment
    if ($folder) { Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction Ignore }
}

Describe 'Help examples' {
    It '<Name> runs as written' -ForEach $runnable {
        $result = $results[$Name]
        $result | Should -Not -BeNullOrEmpty -Because "the runner reports every example it was given"
        if (-not $result.Passed) { throw (Format-DocsFailure $result $Code) }
    }

    It '<Name> is not run: <NotRunReason>' -ForEach $notRunnable {
        $Remarks | Should -BeLike "*$NotRunPhrase*" -Because 'its remarks tell the reader it was not run'
    }

    It 'fails a snippet that reaches for another machine, and names the address' {
        $result = $results[$offMachine.Name]
        $result.Passed | Should -BeFalse
        $result.OffMachine | Should -Be 'CONNECT api.outreach.io:443'
    }

    It 'fails a snippet that exits with an error code' {
        $results[$exitOne.Name].Passed | Should -BeFalse
        $results[$exitOne.Name].Failures | Should -Be 'It ended with exit 1.'
    }

    It 'lists only examples that exist, and every example whose remarks say it is not run' {
        @($NotRunnableExamples.Keys | Where-Object { $_ -notin $examples.Key }) | Should -BeNullOrEmpty -Because 'a listed example was renamed or removed'
        @($examples | Where-Object { $_.Remarks -like "*$NotRunPhrase*" -and -not $_.NotRunReason } | ForEach-Object Key) | Should -BeNullOrEmpty
    }
}
