# The live cmdlets against hostile servers and a hostile 'sf' (tests/StageMap.LiveServers in hostile
# mode): every misbehaviour ends in a typed StageMap error id, with no bare .NET exception, no file
# outside the project, no delete on a bad count, and no secret in any stream, file or error chain the
# run wrote. Each case runs in its own folder; the grep reads every file in it afterwards.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    . (Join-Path $PSScriptRoot 'LiveServers.ps1')
    $servers = Start-LiveServers
    $salesforceToken = '00DLOOPBACK000001!AQ4AQ.sf-access-3c9e'
    $outreachToken = 'or-access-1f6c2a9d'
    $clientId = 'stagemap-loopback-client'
    $clientSecret = 'or-client-secret-7b3e51'
    $refreshToken = 'or-refresh-4d8a0c2e'
    # Every secret the servers hand out, and the session id's secret half on its own.
    $secrets = $salesforceToken, 'AQ4AQ.sf-access-3c9e', $outreachToken, $clientSecret, $refreshToken, 'or-access-2-9e1b7f', 'or-refresh-2-5a2c8d'
    function Secure([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }

    # Runs $Command in a fresh folder with every stream kept: all output streams in streams.txt, what
    # reaches the host (-WhatIf lines) in transcript.txt, and each error record of the run with its
    # whole exception chain in errors.txt. Returns the run's error records.
    function Invoke-Recorded([string] $Folder, [scriptblock] $Command) {
        New-Item -ItemType Directory -Path $Folder -Force | Out-Null
        $Error.Clear()
        Start-Transcript -Path (Join-Path $Folder 'transcript.txt') | Out-Null
        try {
            & $Command *>&1 | Out-String -Width 400 | Set-Content (Join-Path $Folder 'streams.txt')
        } catch {
            # A terminating error is in $Error as well.
        } finally {
            Stop-Transcript | Out-Null
        }
        $records = @($Error | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $records | ForEach-Object {
            ($_ | Format-List * -Force | Out-String -Width 400)
            $_.Exception.ToString()
            "$($_.TargetObject)"
        } | Set-Content (Join-Path $Folder 'errors.txt')
        $records
    }

    # What each case asserts: its error id, StageMap's own exception, no secret anywhere it wrote.
    function Assert-HostileOutcome([object[]] $Records, [string] $ErrorId, [string] $Folder) {
        $Records | Should -Not -BeNullOrEmpty
        ($Records | Where-Object { $_.FullyQualifiedErrorId -like "$ErrorId,*" }) | Should -Not -BeNullOrEmpty -Because "the run should end in $ErrorId, not $($Records.FullyQualifiedErrorId -join ', ')"
        foreach ($record in $Records) {
            $record.Exception.GetType().FullName | Should -Be 'StageMap.Engine.StageMapException' -Because "$($record.FullyQualifiedErrorId) must not be a bare .NET exception"
        }
        $written = Get-ChildItem $Folder -File -Recurse | ForEach-Object { Get-Content $_.FullName -Raw }
        (Get-Content (Join-Path $Folder 'errors.txt') -Raw) | Should -BeLike "*$ErrorId*"
        foreach ($secret in $secrets) {
            $written | Where-Object { $_ -and $_.Contains($secret) } | Should -BeNullOrEmpty -Because "'$secret' must not be written"
        }
    }
}

AfterAll {
    Stop-LiveServers $servers
}

Describe 'A hostile Outreach' {
    BeforeEach {
        Reset-Server $servers.Outreach
        $folder = Join-Path $TestDrive "outreach-$([guid]::NewGuid().ToString('n'))"
        $mappingFile = Join-Path $folder 'mapping.json'
        New-Item -ItemType Directory -Path $folder | Out-Null
        New-StageMapConfiguration -Path $mappingFile -Force | Out-Null
        New-OutreachStage -Name 'Nurturing' | Out-Null
        Remove-OutreachStage -Name 'Bad Data'
        Connect-Outreach -ClientId $clientId -ClientSecret (Secure $clientSecret) -RefreshToken (Secure $refreshToken) -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach | Out-Null
        $before = (Get-FileHash $mappingFile).Hash
    }

    It '<Case>: <ErrorId>' -ForEach @(
        @{ Case = 'a links.next back to the same page'; Scenario = 'next-loop'; ErrorId = 'LivePagingLoop'; Command = { Import-OutreachStage -Online -Merge -Verbose -Debug } }
        @{ Case = 'a 1 GiB stage list, chunked'; Scenario = 'huge-body'; ErrorId = 'LiveAnswerTooLarge'; Command = { Import-OutreachStage -Online -Merge -Verbose } }
        @{ Case = 'a 1 GiB stage list, announced'; Scenario = 'huge-length'; ErrorId = 'LiveAnswerTooLarge'; Command = { Sync-OutreachStage -Verbose } }
        @{ Case = 'a 401 quoting the token, and a refusal quoting the refresh token and client secret'; Scenario = 'echo-token'; ErrorId = 'OutreachAuthenticationFailed'; Command = { Sync-OutreachStage -Verbose -Debug } }
        @{ Case = 'X-RateLimit-Remaining 0 for an hour'; Scenario = 'rate-limit-zero'; Option = @{ reset = 3600 }; ErrorId = 'LiveRateLimited'; Command = { Import-OutreachStage -Online -Merge -Verbose } }
    ) {
        Set-ServerHostile $servers.Outreach $Scenario -Option ($Option ?? @{})

        $records = Invoke-Recorded $folder $Command

        Assert-HostileOutcome $records $ErrorId $folder
        (Get-FileHash $mappingFile).Hash | Should -Be $before -Because 'a failed read changes nothing'
        @(Get-ServerCall $servers.Outreach).Count | Should -BeLessOrEqual 4
    }

    It 'errors[].id given as an object: OutreachRequestRejected with the words the errors hold' {
        Set-ServerHostile $servers.Outreach 'odd-errors'

        $records = Invoke-Recorded $folder { Sync-OutreachStage -Verbose }

        Assert-HostileOutcome $records 'OutreachRequestRejected' $folder
        "$($records[0])" | Should -BeLike '*: Validation; Error. Name is too long.'
    }

    It 'a created stage''s id of <Id>: OutreachRequestFailed, and the file never holds it' -ForEach @(
        @{ Scenario = 'id-overflow'; Id = '99999999999' }
        @{ Scenario = 'id-negative'; Id = '-3' }
    ) {
        Set-ServerHostile $servers.Outreach $Scenario

        $records = Invoke-Recorded $folder { Sync-OutreachStage -Verbose }

        Assert-HostileOutcome $records 'OutreachRequestFailed' $folder
        "$($records[0])" | Should -BeLike "*its data.id $Id is not a stage id*"
        (Get-Content $mappingFile -Raw) | Should -Not -BeLike "*$Id*"
        $reloaded = Import-StageMapConfiguration -Path $mappingFile
        ($reloaded.Stages | Where-Object Name -EQ 'Nurturing').IsInOutreach | Should -BeFalse
    }

    It 'a prospect count of <Count>: OutreachRequestFailed, and no delete' -ForEach @(
        @{ Scenario = 'count-overflow'; Count = '10^26' }
        @{ Scenario = 'count-negative'; Count = '-1' }
        @{ Scenario = 'count-fraction'; Count = '2.5' }
        @{ Scenario = 'count-missing'; Count = 'none' }
    ) {
        Set-ServerHostile $servers.Outreach $Scenario

        $records = Invoke-Recorded $folder { Sync-OutreachStage -RemoveExtra -Confirm:$false -Verbose }

        Assert-HostileOutcome $records 'OutreachRequestFailed' $folder
        "$($records[0])" | Should -BeLike '*Without a count StageMap deletes nothing.'
        @(Get-ServerCall $servers.Outreach | Where-Object Method -EQ 'DELETE') | Should -BeNullOrEmpty
        (Invoke-RestMethod ([uri]::new($servers.Outreach, '_stages'))).attributes.name | Should -Contain 'Bad Data'
    }

    It 'X-RateLimit-Remaining 0 with a reset in a second: the next call waits for it, and no 429 is taken' {
        Set-ServerHostile $servers.Outreach 'rate-limit-zero' -Option @{ reset = 1 }

        $verbose = Import-OutreachStage -Online -Merge -Verbose 4>&1 | Out-String

        $verbose | Should -BeLike '*said no request is left (X-RateLimit-Remaining: 0): waiting * s (X-RateLimit-Reset) before GET*'
        (Get-ServerCall $servers.Outreach).status | Should -Not -Contain 429
    }

    It 'a wrong token fails Connect-Outreach at once, and the connection made before stays' {
        Set-ServerHostile $servers.Outreach 'echo-token'

        $records = Invoke-Recorded $folder { Connect-Outreach -AccessToken (Secure 'or-wrong-token-5150') -BaseUri $servers.Outreach }

        Assert-HostileOutcome $records 'OutreachAuthenticationFailed' $folder
        "$($records[0])" | Should -BeLike "*The session's current Outreach connection is still client $clientId at*"
        Get-Content (Join-Path $folder 'errors.txt') -Raw | Should -Not -BeLike '*or-wrong-token-5150*'
    }
}

Describe 'A hostile Salesforce and a hostile sf' {
    BeforeEach {
        Reset-Server $servers.Salesforce
        $folder = Join-Path $TestDrive "salesforce-$([guid]::NewGuid().ToString('n'))"
        $mappingFile = Join-Path $folder 'mapping.json'
        New-Item -ItemType Directory -Path $folder | Out-Null
        New-StageMapConfiguration -Path $mappingFile -Force | Out-Null
        $before = (Get-FileHash $mappingFile).Hash
    }

    It '<Case>: <ErrorId>' -ForEach @(
        @{ Case = 'a nextRecordsUrl back to itself'; Scenario = 'next-loop'; ErrorId = 'LivePagingLoop' }
        @{ Case = 'a 1 GiB describe'; Scenario = 'huge-body'; ErrorId = 'LiveAnswerTooLarge' }
        @{ Case = 'errorCode given as a list'; Scenario = 'odd-errors'; ErrorId = 'CrmRequestFailed' }
        @{ Case = 'a 401 INVALID_SESSION_ID quoting Bearer and the token, after the CLI gave it again'; Scenario = 'echo-token'; ErrorId = 'CrmAuthenticationFailed' }
    ) {
        $sf = Install-FakeSalesforceCli -InstanceUrl $servers.Salesforce -AccessToken $salesforceToken -Cli New
        try {
            Connect-Crm -TargetOrg loopback | Out-Null
            Set-ServerHostile $servers.Salesforce $Scenario

            $records = Invoke-Recorded $folder { Import-CrmMetadata -Online -Verbose -Debug }

            Assert-HostileOutcome $records $ErrorId $folder
            (Get-FileHash $mappingFile).Hash | Should -Be $before
        } finally {
            Remove-FakeSalesforceCli $sf
        }
    }

    It 'an sf that fails with the token in its JSON message: SalesforceCliFailed, the token redacted' {
        $sf = Install-FakeSalesforceCli -InstanceUrl $servers.Salesforce -AccessToken $salesforceToken -Cli Hostile
        try {
            $records = Invoke-Recorded $folder { Connect-Crm -TargetOrg loopback -Verbose -Debug }

            Assert-HostileOutcome $records 'SalesforceCliFailed' $folder
            "$($records[0])" | Should -BeLike '*''sf org display'' failed: Failed to refresh the session `[redacted`] for admin@loopback.example (Bearer `[redacted`]).*'
            "$($records[0])" | Should -BeLike "*The session's current Salesforce connection is *"
        } finally {
            Remove-FakeSalesforceCli $sf
        }
    }
}

Describe 'Export-CrmMetadata and a package directory outside the project' {
    It 'a package directory <Case> is SfdxPathOutsideProject, and nothing is written anywhere' -ForEach @(
        @{ Case = 'given as an absolute path'; Relative = $false }
        @{ Case = 'climbing out with ..'; Relative = $true }
    ) {
        $folder = Join-Path $TestDrive "sfdx-$([guid]::NewGuid().ToString('n'))"
        $project = Join-Path $folder 'project'
        $outside = Join-Path $folder 'outside'
        New-Item -ItemType Directory -Path $project | Out-Null
        $path = if ($Relative) { '../outside' } else { $outside }
        @{ packageDirectories = @(@{ path = $path; default = $true }) } | ConvertTo-Json -Depth 3 | Set-Content (Join-Path $project 'sfdx-project.json')
        New-StageMapConfiguration -Force | Out-Null
        Import-CrmMetadata -Path (Join-Path $FixturesPath 'salesforce/sf_rest_query_LeadStatus__stagemap.json')

        $records = Invoke-Recorded (Join-Path $folder 'run') { Export-CrmMetadata -Path $project }

        Assert-HostileOutcome $records 'SfdxPathOutsideProject' (Join-Path $folder 'run')
        Test-Path $outside | Should -BeFalse
        @(Get-ChildItem $project -Recurse -File).Name | Should -Be 'sfdx-project.json'
    }
}

Describe 'Memory stays bounded against a 1 GiB answer' {
    It 'a fresh PowerShell reading a 1 GiB stage list stops at the 32 MiB cap and its peak working set grows by far less than the body' {
        Reset-Server $servers.Outreach
        $pwsh = (Get-Process -Id $PID).Path
        $arguments = @('-NoProfile', '-NonInteractive')
        if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments }
        $manifest = Join-Path ($env:STAGEMAP_MODULE_PATH ?? (Join-Path $PSScriptRoot '../../out/StageMap')) 'StageMap.psd1'
        $script = @"
Import-Module '$manifest'
New-StageMapConfiguration | Out-Null
Connect-Outreach -AccessToken (ConvertTo-SecureString '$outreachToken' -AsPlainText -Force) -BaseUri '$($servers.Outreach)' | Out-Null
[GC]::Collect()
`$before = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
Invoke-RestMethod -Method Post -Uri '$([uri]::new($servers.Outreach, '_hostile?on=huge-body'))' | Out-Null
try { Import-OutreachStage -Online } catch { `$id = `$_.FullyQualifiedErrorId }
`$after = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
"`$id `$before `$after"
"@
        $last = (& $pwsh @arguments -Command $script | Select-Object -Last 1) -split ' '

        $last[0] | Should -BeLike 'LiveAnswerTooLarge,*'
        $growth = [long] $last[2] - [long] $last[1]
        Write-Host "Peak working set $('{0:N0}' -f ([long] $last[1] / 1MB)) MiB before the call, $('{0:N0}' -f ([long] $last[2] / 1MB)) MiB after: +$('{0:N0}' -f ($growth / 1MB)) MiB for a 1,024 MiB answer."
        $growth | Should -BeLessThan 256MB
    }
}
