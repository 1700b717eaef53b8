# The demo (./build.ps1 -Task Demo) as a new user runs it: to the end, and ending on a sound configuration.
Describe 'The demo' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestModule.ps1')
        $demo = Join-Path $modulePath 'samples/demo.ps1'
        $pwsh = (Get-Process -Id $PID).Path
        $arguments = @('-NoProfile', '-NonInteractive', '-File', $demo)
        if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments }
        $script:output = @(& $pwsh @arguments 2>&1 | ForEach-Object { "$_" })
        $script:exitCode = $LASTEXITCODE
    }

    It 'runs to the end' {
        $exitCode | Should -Be 0 -Because ($output -join "`n")
    }

    It 'shows the broken state, fixes it, and ends on a sound configuration' {
        $ready = @($output | Where-Object { $_ -match '^Ready to sync: ' })
        $ready | Should -Contain 'Ready to sync: False'
        $ready[-1] | Should -Be 'Ready to sync: True'
        ($output | Where-Object { $_ -match '^Findings left: ' } | Select-Object -Last 1) | Should -Be 'Findings left: 0'
    }

    It 'ends with a one-line verdict: the checked mapping ready to sync, and the findings shown on purpose' {
        $last = $output | Where-Object { $_.Trim() } | Select-Object -Last 1
        $last | Should -Match '^Verdict: the checked mapping \(section 9\) is ready to sync; the drift mapping shows [1-9]\d* finding\(s\), as sections 10 and 11 left it on purpose: SM\d{3}(, SM\d{3})*\.$'
    }

    It 'shows its first tables whole: the configuration file by name, not in pieces' {
        @($output | Where-Object { $_ -match '^ClassicPlugin\s+6\s+0 outreach-mapping\.json$' }) | Should -HaveCount 1
    }
}
