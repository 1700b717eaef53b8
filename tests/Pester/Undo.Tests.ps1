# An admin undoes a sync: Sync-OutreachStage -RemoveExtra -Force deletes a stage three prospects hold
# (the loopback Outreach starts with prospects 1001-1003 on Unresponsive), Get-StageMapSnapshot lists
# that run, Restore-OutreachStage puts the stage and the prospects back, and a second restore changes
# nothing. Then the unhappy paths: a 429 mid-restore, a prospect moved in between, a missing scope.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    . (Join-Path $PSScriptRoot 'LiveServers.ps1')
    $servers = Start-LiveServers
    $outreachToken = 'or-access-1f6c2a9d'
    $secrets = $outreachToken, 'or-client-secret-7b3e51', 'or-refresh-4d8a0c2e', 'or-access-2', 'or-refresh-2'
    function Secure([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
    function Get-Prospect { Invoke-RestMethod -Method Post -Uri ([uri]::new($servers.Outreach, '_prospects')) }
    function Get-OutreachStages { Invoke-RestMethod ([uri]::new($servers.Outreach, '_stages')) }
    # The writes the server received, after the first -Since calls.
    function Get-Writes([int] $Since = 0) { @(Get-ServerCall $servers.Outreach | Select-Object -Skip $Since | Where-Object Writes) }

    # A configuration file without Unresponsive, synced: the stage is deleted and its prospects left on "No Stage".
    function Invoke-DeletingSync([string] $Folder) {
        New-Item -ItemType Directory -Path $Folder -Force | Out-Null
        New-StageMapConfiguration -Path (Join-Path $Folder 'mapping.json') -Force -Confirm:$false | Out-Null
        Remove-OutreachStage -Name Unresponsive
        Connect-Outreach -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach | Out-Null
        Sync-OutreachStage -RemoveExtra -Force -Confirm:$false -InformationAction Ignore
    }
}

AfterAll {
    Stop-LiveServers $servers
}

Describe 'Undo a sync, as an admin would' {
    BeforeAll {
        Reset-Server $servers.Outreach
        $folder = Join-Path $TestDrive 'done-when'
        $streams = Join-Path $folder 'streams.txt'
        New-Item -ItemType Directory -Path $folder | Out-Null
        Start-Transcript -Path (Join-Path $folder 'transcript.txt') | Out-Null
        $run = & {
            New-StageMapConfiguration -Path (Join-Path $folder 'mapping.json') | Out-Null
            Remove-OutreachStage -Name Unresponsive
            # A connection that renews its token: its client secret and refresh token are in memory too.
            Connect-Outreach -ClientId 'stagemap-loopback-client' -ClientSecret (Secure 'or-client-secret-7b3e51') -RefreshToken (Secure 'or-refresh-4d8a0c2e') -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach -Verbose | Out-Null
            $script:synced = Sync-OutreachStage -RemoveExtra -Force -Confirm:$false -Verbose
            $script:afterSync = Get-Prospect
            $script:stagesAfterSync = Get-OutreachStages
            $script:listed = @(Get-StageMapSnapshot)
            $script:listed | Format-Table | Out-String -Width 120
            $script:restored = Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -Confirm:$false -Verbose -WarningVariable warned
            $script:warned = $warned
            $script:afterRestore = Get-Prospect
            $script:stagesAfterRestore = Get-OutreachStages
            $script:writesBeforeSecond = (Get-Writes).Count
            $script:second = Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -Confirm:$false -InformationVariable said -WarningAction SilentlyContinue
            $script:said = $said
            $script:writesOfSecond = (Get-Writes).Count - $writesBeforeSecond
            $script:relisted = @(Get-StageMapSnapshot)
            $script:synced, $script:restored, $script:second | Format-List | Out-String -Width 120
        } *>&1 | Out-String -Width 300
        Stop-Transcript | Out-Null
        Set-Content -Path $streams -Value $run
    }

    It 'deletes the stage three prospects hold, and they are left on "No Stage"' {
        ($synced | Where-Object Stage -EQ Unresponsive).Result | Should -Be 'Done'
        $stagesAfterSync.attributes.name | Should -Not -Contain 'Unresponsive'
        $afterSync.'1001', $afterSync.'1002', $afterSync.'1003' | Should -Be $null, $null, $null
    }

    It 'took the snapshot before the first write, beside the configuration, and said where' {
        $snapshot = $synced[0].Snapshot
        $snapshot | Should -BeLike (Join-Path $folder 'mapping.snapshots/*.json')
        $calls = @(Get-ServerCall $servers.Outreach)
        $firstWrite = [array]::IndexOf($calls, ($calls | Where-Object Writes | Select-Object -First 1))
        $idsRead = [array]::IndexOf($calls, ($calls | Where-Object path -Like '/api/v2/prospects?filter%5Bstage%5D%5Bid%5D=4&fields%5Bprospect%5D=id*' | Select-Object -First 1))
        $idsRead | Should -BeLessThan $firstWrite
        (Get-Content (Join-Path $folder 'transcript.txt') -Raw) | Should -BeLike "*Snapshot of Outreach's stages before this sync: $snapshot (3 prospect(s) saved)*"
        if (-not $IsWindows) { (Get-Item $snapshot).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite') }
    }

    It 'lists that run with Get-StageMapSnapshot' {
        $listed | Should -HaveCount 1
        $listed[0].Deleted | Should -Be "'Unresponsive'"
        $listed[0].ProspectsSaved | Should -Be 3
        $listed[0].Restore | Should -Be 'NotRestored'
        (Get-Content $streams -Raw) | Should -Match "NotRestored deleted 'Unresponsive'"
    }

    It 're-creates the stage and puts the three prospects back' {
        $restored.Result | Should -Be 'Done'
        $restored.ProspectsMoved | Should -Be 3
        $new = $stagesAfterRestore | Where-Object { $_.attributes.name -eq 'Unresponsive' }
        $new.id | Should -Be $restored.OutreachId
        $new.attributes.order, $new.attributes.color | Should -Be 4, '#9aa5b1'
        $afterRestore.'1001', $afterRestore.'1002', $afterRestore.'1003' | Should -Be $new.id, $new.id, $new.id
        "$warned" | Should -BeLike "Stage 'Unresponsive' is in Outreach again (id $($new.id)), but not in the configuration*"
    }

    It 'changes nothing the second time, and says so' {
        $writesOfSecond | Should -Be 0
        $second.Result | Should -Be 'AlreadyRestored'
        "$said" | Should -Be 'Outreach already is as the snapshot saw it: nothing changed.'
        $relisted[0].Restore | Should -Be 'Restored'
    }

    It 'wrote no token, secret or refresh token to the snapshot or any other file or stream' {
        $written = Get-ChildItem $folder -File -Recurse -Force | ForEach-Object { Get-Content $_.FullName -Raw }
        @(Get-ChildItem (Join-Path $folder 'mapping.snapshots') -Filter *.json) | Should -HaveCount 1
        (Get-Content $streams -Raw) | Should -BeLike '*PATCH http://127.0.0.1:*/api/v2/prospects/1001*'
        foreach ($secret in $secrets + 'Bearer') {
            $written | Where-Object { $_ -and $_.Contains($secret) } | Should -BeNullOrEmpty -Because "'$secret' must not be written"
        }
    }
}

Describe 'A restore that meets trouble' {
    BeforeEach {
        Reset-Server $servers.Outreach
        $folder = Join-Path $TestDrive "trouble-$([guid]::NewGuid().ToString('n'))"
        Invoke-DeletingSync $folder | Out-Null
        $snapshot = (Get-StageMapSnapshot)[0]
        $synced = @(Get-ServerCall $servers.Outreach).Count
    }

    It 'stopped by a 429 after one move, goes on the next time without moving that one again' {
        Add-ServerFault $servers.Outreach PATCH '/api/v2/prospects/1002' 429 '{"errors":[{"id":"rateLimitExceeded","title":"Rate Limit Exceeded","detail":"You have exceeded your permitted rate limit of 10,000."}]}' @{ 'Retry-After' = '3600' }

        $stopped = Restore-OutreachStage -Snapshot $snapshot -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $failed.FullyQualifiedErrorId | Should -Be 'LiveRateLimited,StageMap.Cmdlets.Undo.RestoreOutreachStageCommand'
        $stopped.Result | Should -Be 'Failed'
        $stopped.ProspectsMoved | Should -Be 1
        (Get-StageMapSnapshot)[0].Restore | Should -Be 'Pending'
        $before = @(Get-ServerCall $servers.Outreach).Count

        $resumed = Restore-OutreachStage -Snapshot $snapshot -Confirm:$false -WarningAction SilentlyContinue

        $resumed.Result, $resumed.ProspectsMoved | Should -Be 'Done', 3
        $calls = @(Get-ServerCall $servers.Outreach | Select-Object -Skip $before)
        @($calls | Where-Object method -EQ POST) | Should -BeNullOrEmpty -Because 'the stage was re-created the first time'
        @($calls | Where-Object { $_.method -eq 'PATCH' -and $_.path -eq '/api/v2/prospects/1001' }) | Should -BeNullOrEmpty
        (Get-Prospect).'1001' | Should -Be $resumed.OutreachId
        (Get-StageMapSnapshot)[0].Restore | Should -Be 'Restored'
    }

    It 'leaves a prospect someone moved elsewhere in between, and counts it' {
        Invoke-ServerControl $servers.Outreach '_prospects?move=1002&stage=2'

        $restored = Restore-OutreachStage -Snapshot $snapshot -Confirm:$false -WarningAction SilentlyContinue

        $restored.ProspectsMoved, $restored.ProspectsLeft | Should -Be 2, 1
        (Get-Prospect).'1002' | Should -Be 2
        (($restored | Out-String) -replace '\s+', ' ') | Should -BeLike '*3 saved: 2 moved back, 1 left where someone moved them, 0 gone*'
    }

    It 'without prospects.write, names the scope before any write and changes nothing' {
        Invoke-ServerControl $servers.Outreach '_deny?scope=prospects.write'
        $configuration = (Get-FileHash (Join-Path $folder 'mapping.json')).Hash
        $saved = (Get-FileHash $snapshot.Path).Hash
        $stages = Get-OutreachStages | ConvertTo-Json -Depth 5

        { Restore-OutreachStage -Snapshot $snapshot -Confirm:$false } | Should -Throw -ErrorId 'OutreachScopeMissing,StageMap.Cmdlets.Undo.RestoreOutreachStageCommand' -ExpectedMessage "*'prospects.write'*"

        (Get-Writes -Since $synced | ForEach-Object { "$($_.method) $($_.path) $($_.status)" }) | Should -Be 'PATCH /api/v2/prospects/1001 403'
        Get-OutreachStages | ConvertTo-Json -Depth 5 | Should -Be $stages
        (Get-Prospect).'1001' | Should -BeNullOrEmpty
        (Get-FileHash (Join-Path $folder 'mapping.json')).Hash | Should -Be $configuration
        (Get-FileHash $snapshot.Path).Hash | Should -Be $saved
    }

    It 'with -WhatIf lists every call and makes none' {
        Start-Transcript -Path (Join-Path $folder 'what-if.txt') | Out-Null
        Restore-OutreachStage -Snapshot $snapshot -WhatIf | Out-Null
        Stop-Transcript | Out-Null

        $whatIf = @(Get-Content (Join-Path $folder 'what-if.txt') | Where-Object { $_ -like 'What if:*' })
        $whatIf | Should -HaveCount 4
        $whatIf[0] | Should -BeLike "*POST http://127.0.0.1:*/api/v2/stages: create with name 'Unresponsive', order 4, color #9aa5b1*"
        $whatIf[3] | Should -BeLike "*PATCH http://127.0.0.1:*/api/v2/prospects/1003: relationships.stage -> the new id of 'Unresponsive'*"
        Get-Writes -Since $synced | Should -BeNullOrEmpty
        (Get-StageMapSnapshot)[0].Restore | Should -Be 'NotRestored'
    }
}

Describe 'A sync whose snapshot cannot be written' {
    It 'writes nothing to Outreach, and the configuration stays as it was' {
        Reset-Server $servers.Outreach
        $folder = Join-Path $TestDrive 'no-snapshot'
        New-Item -ItemType Directory -Path $folder | Out-Null
        New-StageMapConfiguration -Path (Join-Path $folder 'mapping.json') | Out-Null
        Remove-OutreachStage -Name Unresponsive
        $before = (Get-FileHash (Join-Path $folder 'mapping.json')).Hash
        # A file where the snapshot folder should be: the folder cannot be made.
        Set-Content -Path (Join-Path $folder 'blocked') -Value 'not a folder'
        Connect-Outreach -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach | Out-Null

        { Sync-OutreachStage -RemoveExtra -Force -Confirm:$false -SnapshotPath (Join-Path $folder 'blocked') } | Should -Throw -ErrorId 'SnapshotWriteFailed,StageMap.Cmdlets.Live.SyncOutreachStageCommand' -ExpectedMessage '*Nothing was written to Outreach.'

        @(Get-Writes) | Should -BeNullOrEmpty
        (Get-FileHash (Join-Path $folder 'mapping.json')).Hash | Should -Be $before
    }
}
