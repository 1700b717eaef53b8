# The README, followed block by block by a new user (tests/Pester/Docs/DocsHarness.ps1): every fenced
# powershell block of README.md, in order, in one fresh PowerShell, from a folder that holds what the
# checkout holds after './build.ps1 -Task Package' (out/packages), against the loopback servers, with
# the fake 'sf' first on PATH and a home of its own (the Install block registers a repository and
# installs the module there).
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Docs/DocsHarness.ps1')
    $blocks = @(Get-ReadmeBlock (Join-Path $PSScriptRoot '../../README.md') | ConvertTo-TestCase)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Docs/DocsHarness.ps1')
    $modulePath = if ($env:STAGEMAP_MODULE_PATH) { $env:STAGEMAP_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/StageMap' }
    $modulePath = (Resolve-Path $modulePath).Path
    $blocks = @(Get-ReadmeBlock (Join-Path $PSScriptRoot '../../README.md'))

    $folder = New-DocsFolder 'readme'
    $checkout = New-Item -ItemType Directory -Path (Join-Path $folder 'checkout')
    $pwsh = (Get-Process -Id $PID).Path
    $pwshArguments = @('-NoProfile', '-NonInteractive')
    if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $pwshArguments = @(Join-Path $PSHOME 'pwsh.dll') + $pwshArguments }
    $packed = & $pwsh @pwshArguments -File (Join-Path $PSScriptRoot '../../build/PackageWriter.ps1') -ModulePath $modulePath -Repository (Join-Path $checkout 'out/packages') 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Packing the module failed: $packed" }

    $environment = Start-DocsEnvironment
    $results = @{}
    foreach ($result in Invoke-DocsSnippet -Snippets $blocks -Mode Session -Workspace $checkout -Folder $folder -Environment $environment) {
        $results[$result.Name] = $result
    }
}

AfterAll {
    Stop-DocsEnvironment $environment
    if ($folder) { Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction Ignore }
}

Describe 'README.md' {
    It 'has powershell blocks' {
        $blocks.Count | Should -BeGreaterThan 0
    }

    It '<Name> runs as written' -ForEach $blocks {
        $result = $results[$Name]
        $result | Should -Not -BeNullOrEmpty -Because 'the runner reports every block it was given'
        if (-not $result.Passed) { throw (Format-DocsFailure $result $Code) }
    }

    It 'the undo block shows the sequence: the delete of a stage three prospects hold, the snapshot listed, the restore, and a second restore that changes nothing' {
        $undo = $results[($blocks | Where-Object Heading -EQ 'Undo a sync').Name]
        $text = $undo.Output + $undo.HostText
        $text | Should -Match 'Delete  Unresponsive  \(id 4\)  Done'
        $text | Should -Match "Snapshot of Outreach's stages before this sync: \S+live-mapping\.snapshots/\S+\.json \(3 prospect\(s\) saved\)"
        $text | Should -Match "Deleted\s*:\s*\{'Unresponsive'\}\s+Renamed[\s\S]*?ProspectsSaved\s*:\s*3\s+Restore\s*:\s*NotRestored"
        $text | Should -Match 'Action\s*:\s*Recreate\s+Stage\s*:\s*Unresponsive\s+OutreachId\s*:\s*\d+\s+Result\s*:\s*Done\s+ProspectsSaved\s*:\s*3\s+ProspectsMoved\s*:\s*3'
        $text | Should -Match 'Result\s*:\s*AlreadyRestored'
        $undo.HostText | Should -Match 'Outreach already is as the snapshot saw it: nothing changed\.'
    }
}
