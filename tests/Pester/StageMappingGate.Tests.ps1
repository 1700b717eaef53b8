# Test-StageMapping as an admin's CI gate uses it: a sound configuration passes
# (Test-StageMapping -Quiet | Should -BeTrue), and each rule catches the broken state it exists for,
# whether made with the cmdlets or by a hand-edited configuration file.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $sample = Join-Path $modulePath 'samples/outreach-mapping.json'
    $standardOrg = Join-Path $FixturesPath 'stagemap/standard-org-lead-metadata.json'

    # The sound sample as a PowerShell object, changed by $Break, written to TestDrive and imported:
    # a hand-edited file, which no cmdlet would have let through.
    function Import-EditedSample([scriptblock] $Break) {
        $file = Join-Path $TestDrive 'edited.json'
        $json = Get-Content $sample -Raw | ConvertFrom-Json
        & $Break $json
        $json | ConvertTo-Json -Depth 10 | Set-Content $file
        Import-StageMapConfiguration -Path $file
    }

    function Get-Finding([string] $RuleId) { Test-StageMapping | Where-Object RuleId -EQ $RuleId }

    # A copy of a configuration file in TestDrive, imported (so it becomes current); returns its path.
    function Use-Copy([string] $Path) {
        $copy = Join-Path $TestDrive (Split-Path $Path -Leaf)
        Copy-Item $Path $copy -Force
        Import-StageMapConfiguration -Path $copy | Out-Null
        $copy
    }
}

Describe 'A sound configuration passes the gate' {
    BeforeEach {
        $mappingFile = Use-Copy $sample
    }

    It 'is $true with -Quiet and has no finding at all' {
        Test-StageMapping -Quiet | Should -BeTrue
        Test-StageMapping | Should -BeNullOrEmpty
    }

    It 'leaves the file byte for byte as it was' {
        $before = Get-FileHash $mappingFile
        Test-StageMapping | Out-Null
        (Get-FileHash $mappingFile).Hash | Should -Be $before.Hash
    }
}

Describe 'Breaking the mapping with the cmdlets' {
    BeforeEach {
        $mappingFile = Use-Copy $sample
    }

    It 'SM003 suggests the API name of a status mapped in the wrong case' {
        Remove-LeadStatusMapping -CrmStatus 'Do Not Contact'
        New-LeadStatusMapping -CrmStatus 'do not contact' -Stage 'Do Not Contact'

        Test-StageMapping -Quiet | Should -BeFalse
        $finding = Get-Finding SM003
        $finding.Target | Should -Be 'do not contact'
        $finding.Suggestion | Should -BeExactly 'Do Not Contact'
    }

    It 'SM004 and SM005 warn and inform about an unmapped status, which does not fail the default gate' {
        Remove-LeadStatusMapping -CrmStatus 'Bad Data'

        (Get-Finding SM004).Target | Should -Be 'Bad Data'
        (Get-Finding SM004).Suggestion | Should -Be 'Bad Data'
        (Get-Finding SM005).Target | Should -Be 'Bad Data'
        Test-StageMapping -Quiet | Should -BeTrue
        Test-StageMapping -Quiet -Severity Error, Warning | Should -BeFalse
    }

    It 'SM010 finds a new stage that is no contact status value' {
        New-OutreachStage -Name 'Nurture' | Out-Null

        $finding = Get-Finding SM010
        $finding.Target | Should -Be 'Nurture'
        $finding.Object | Should -Be 'Contact'
        Test-StageMapping -Quiet | Should -BeFalse
    }

    It 'SM010 suggests the exact value when a rename changes only the case' {
        Set-OutreachStage -Name 'Do Not Contact' -NewName 'Do not contact'

        (Get-Finding SM010).Suggestion | Should -BeExactly 'Do Not Contact'
    }
}

Describe 'Done when: the shared Lead describe''s statuses and a status typed in lower case' {
    It 'yields SM003 whose Suggestion is Working - Contacted' {
        Use-Copy $standardOrg | Out-Null

        New-LeadStatusMapping -CrmStatus 'working - contacted' -Stage Approaching

        (Get-Finding SM003).Suggestion | Should -BeExactly 'Working - Contacted'
    }
}

Describe 'A hand-edited file breaking <Id>' -ForEach @(
    @{ Id = 'SM001'; Severity = 'Error'; Target = 'Approaching'; Break = { param($c) $c.leadStatusMappings[2].stageId = 2 } }
    @{ Id = 'SM002'; Severity = 'Error'; Target = 'Replied'; Break = { param($c) $c.leadStatusMappings += [pscustomobject]@{ crmStatus = 'Replied'; stageId = 2 } } }
    @{ Id = 'SM006'; Severity = 'Error'; Target = 'Stage'; Break = { param($c) $c.fieldMappings = @($c.fieldMappings | Where-Object object -NE 'Lead') } }
    @{ Id = 'SM007'; Severity = 'Error'; Target = 'Stage Name'; Break = { param($c) $c.fieldMappings += [pscustomobject]@{ object = 'Contact'; outreachField = 'Stage Name'; crmField = 'Level__c' } } }
    @{ Id = 'SM008'; Severity = 'Error'; Target = 'Stage'; Break = { param($c) $c.fieldMappings[0].options.lookupField = $false } }
    @{ Id = 'SM009'; Severity = 'Warning'; Target = 'Description'; Break = { param($c) $c.fieldMappings[1].crmField = 'Description' } }
    @{ Id = 'SM011'; Severity = 'Warning'; Target = 'Recycled'; Break = { param($c) $c.crmMetadata.leadStatuses += [pscustomobject]@{ apiName = 'Recycled'; label = 'Recycled' } } }
    @{ Id = 'SM012'; Severity = 'Warning'; Target = 'Stage Name'; Break = { param($c) $c.fieldMappings[1] | Add-Member options ([pscustomobject]@{ skipEmptyOnPush = $true; externalEmptyPlaceholder = '(none)' }) } }
    @{ Id = 'SM013'; Severity = 'Error'; Target = 'Bad Data'; Break = { param($c) $c.leadStatusMappings[5].stageId = 99 } }
    @{ Id = 'SM014'; Severity = 'Warning'; Target = 'Bad Data'; Break = { param($c) $c.crmMetadata.leadStatuses[5].isActive = $false } }
) {
    BeforeAll {
        Import-EditedSample $Break | Out-Null
        $findings = @(Get-Finding $Id)
    }

    It 'is reported as one <Severity> naming <Target>' {
        $findings.Count | Should -Be 1
        $findings[0].Severity | Should -Be $Severity
        $findings[0].Target | Should -BeExactly $Target
        $findings[0].Message | Should -BeLike "*'$Target'*"
    }

    It 'decides the default gate by its severity' {
        Test-StageMapping -Quiet | Should -Be ($Severity -ne 'Error')
    }
}

Describe 'The sample CI gate shipped in samples/StageMapping.Tests.ps1' {
    BeforeAll {
        $gate = Join-Path $modulePath 'samples/StageMapping.Tests.ps1'
        $pester = (Get-Module Pester).Path
        $pwsh = (Get-Process -Id $PID).Path
        $pwshArgs = @('-NoProfile', '-NonInteractive')
        if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $pwshArgs = @((Join-Path $PSHOME 'pwsh.dll')) + $pwshArgs }

        # Runs the gate in a fresh PowerShell, as a CI job would, and returns its passed and failed counts.
        function Invoke-Gate([string] $Configuration, [string[]] $MetadataPath = @()) {
            $metadata = ($MetadataPath | ForEach-Object { "'$_'" }) -join ','
            $script = "Import-Module '$pester'; Import-Module '$(Join-Path $modulePath 'StageMap.psd1')'; " +
                "`$c = New-PesterContainer -Path '$gate' -Data @{ Path = '$Configuration'; MetadataPath = @($metadata) }; " +
                "`$r = Invoke-Pester -Container `$c -PassThru -Output None; '{0} {1}' -f `$r.PassedCount, `$r.FailedCount"
            (& $pwsh @pwshArgs -Command $script | Select-Object -Last 1) -split ' ' | ForEach-Object { [int] $_ }
        }
    }

    It 'passes every test on the sound sample' {
        $passed, $failed = Invoke-Gate (Join-Path $modulePath 'samples/outreach-mapping.json')
        $failed | Should -Be 0
        $passed | Should -Be 13
    }

    It 'fails the error test and the rule''s test on a broken mapping' {
        $broken = Join-Path $TestDrive 'broken.json'
        $json = Get-Content $sample -Raw | ConvertFrom-Json
        $json.leadStatusMappings[1].crmStatus = 'approaching'
        $json | ConvertTo-Json -Depth 10 | Set-Content $broken

        $passed, $failed = Invoke-Gate $broken
        $failed | Should -Be 3 -Because 'no errors (SM003), SM003 itself and SM004 (Approaching is unmapped) fail'
        $passed | Should -Be 10
    }

    It 'checks against the org''s metadata files without changing the configuration file' {
        $sound = Join-Path $TestDrive 'sound.json'
        Copy-Item (Join-Path $modulePath 'samples/outreach-mapping.json') $sound
        $before = (Get-FileHash $sound).Hash

        $passed, $failed = Invoke-Gate $sound @(Join-Path $modulePath 'samples/salesforce/Contact_Status__c.field-meta.xml')

        $failed | Should -Be 0
        $passed | Should -Be 13
        (Get-FileHash $sound).Hash | Should -Be $before
    }

    It 'fails when the org''s lead statuses are not the ones mapped' {
        $orgLeadDescribe = Join-Path $FixturesPath 'salesforce/sf_describe_Lead__lwrfileupload.json'

        $passed, $failed = Invoke-Gate (Join-Path $modulePath 'samples/outreach-mapping.json') @($orgLeadDescribe)

        $failed | Should -Be 3 -Because 'no errors, SM003 (six mapped statuses the org lacks) and SM004 (four org statuses unmapped) fail'
        $passed | Should -Be 10
    }
}

Describe 'A status typed in the wrong case, caught from the org''s own describe' {
    It 'is SM003 with the exact API name as the suggestion' {
        New-StageMapConfiguration -Path (Join-Path $TestDrive 'org.json') -Force -Confirm:$false | Out-Null
        Import-CrmMetadata -Path (Join-Path $FixturesPath 'salesforce/sf_describe_Lead__lwrfileupload.json')
        New-LeadStatusMapping -CrmStatus 'working - contacted' -Stage Approaching | Out-Null

        $finding = Test-StageMapping | Where-Object RuleId -EQ 'SM003'

        $finding.Severity | Should -Be 'Error'
        $finding.Target | Should -BeExactly 'working - contacted'
        $finding.Suggestion | Should -BeExactly 'Working - Contacted'
        Test-StageMapping -Quiet | Should -BeFalse
    }
}
