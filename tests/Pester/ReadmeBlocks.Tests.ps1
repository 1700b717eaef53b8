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
}
