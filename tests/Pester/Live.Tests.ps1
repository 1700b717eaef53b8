# An admin works against the live systems: Connect-Crm through the Salesforce CLI, Import-CrmMetadata
# -Online, Connect-Outreach, Sync-OutreachStage, Import-OutreachStage -Online, Export-CrmMetadata.
# The systems are loopback servers (tests/StageMap.LiveServers) replaying the public API shapes; the
# Salesforce CLI is a fake 'sf' first on PATH. Nothing leaves this machine.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    . (Join-Path $PSScriptRoot 'LiveServers.ps1')
    $servers = Start-LiveServers
    $salesforceToken = '00DLOOPBACK000001!AQ4AQ.sf-access-3c9e'
    $outreachToken = 'or-access-1f6c2a9d'
    $clientId = 'stagemap-loopback-client'
    $clientSecret = 'or-client-secret-7b3e51'
    $refreshToken = 'or-refresh-4d8a0c2e'
    function Secure([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
    function Get-Writes { @(Get-ServerCall $servers.Outreach | Where-Object Writes) }
}

AfterAll {
    Stop-LiveServers $servers
}

Describe 'Done when: from the org to Outreach and back, as an admin would' {
    BeforeAll {
        Reset-Server $servers.Outreach
        Reset-Server $servers.Salesforce
        $sf = Install-FakeSalesforceCli -InstanceUrl $servers.Salesforce -AccessToken $salesforceToken -Cli New
        $mappingFile = Join-Path $TestDrive 'outreach-mapping.json'
        $streams = Join-Path $TestDrive 'streams.txt'
        # Every stream, and what goes to the host (-WhatIf lines), is kept in files the token check reads.
        Start-Transcript -Path (Join-Path $TestDrive 'transcript.txt') | Out-Null
        $run = & {
            New-StageMapConfiguration -Path $mappingFile -Force | Out-Null
            $script:crm = Connect-Crm -TargetOrg loopback -Verbose
            Import-CrmMetadata -Online -Verbose
            $script:mapped = New-LeadStatusMapping -FromCrm -CreateMissingStages
            New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | Out-Null
            $script:outreach = Connect-Outreach -ClientId $clientId -ClientSecret (Secure $clientSecret) -RefreshToken (Secure $refreshToken) -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach -Verbose
            Reset-Server $servers.Outreach
            $script:whatIf = Sync-OutreachStage -WhatIf -Verbose
            $script:callsAfterWhatIf = Get-ServerCall $servers.Outreach
            $script:first = Sync-OutreachStage -Verbose -Debug
            $script:stagesAfterFirst = Invoke-RestMethod ([uri]::new($servers.Outreach, '_stages'))
            $script:savedAfterFirst = Get-Content $mappingFile -Raw | ConvertFrom-Json
            $script:callsBeforeSecond = (Get-ServerCall $servers.Outreach).Count
            $script:second = Sync-OutreachStage -Verbose -InformationVariable said
            $script:said = $said
            $script:callsOfSecond = @(Get-ServerCall $servers.Outreach | Select-Object -Skip $callsBeforeSecond)
            Import-OutreachStage -Online -Merge -Verbose
            $script:diagnostics = Test-StageMapping
            $script:crm, $script:outreach, $script:first | Format-Table | Out-String -Width 300
            Disconnect-Outreach
            Disconnect-Crm
        } *>&1 | Out-String -Width 300
        Stop-Transcript | Out-Null
        Set-Content -Path $streams -Value $run
    }

    AfterAll {
        Remove-FakeSalesforceCli $sf
    }

    It 'reads the org''s six lead statuses over both query pages and maps each to a new stage' {
        $mapped.CrmStatus | Should -Be 'Open - Not Contacted', 'Working - Contacted', 'Nurturing', 'Meeting Booked', 'Closed - Converted', 'Closed - Not Converted'
        $calls = Get-ServerCall $servers.Salesforce
        $calls.path | Should -Contain '/services/data/v62.0/query/01gLOOPBACK000001AAA-4'
        $calls.path | Where-Object { $_ -like '*/describe' } | Should -HaveCount 2
    }

    It 'makes no writing call with -WhatIf, and lists the six it would make' {
        @($callsAfterWhatIf | Where-Object Writes) | Should -BeNullOrEmpty
        $callsAfterWhatIf.method | Should -Be 'GET', 'GET'
        (Get-Content (Join-Path $TestDrive 'transcript.txt') -Raw) | Should -BeLike "*What if: *POST http://127.0.0.1:*/api/v2/stages: create with name 'Closed - Not Converted', order 12*"
        @($whatIf | Where-Object Result -EQ 'WhatIf').Stage | Should -Be $mapped.Stage
    }

    It 'creates exactly the missing stages on the server and stores their ids' {
        @($first | Where-Object Action -EQ 'Create').Stage | Should -Be $mapped.Stage
        ($first | Where-Object Action -EQ 'Unchanged').Stage | Should -Be 'New', 'Approaching', 'Replied', 'Unresponsive', 'Do Not Contact', 'Bad Data'
        $stagesAfterFirst | Should -HaveCount 12
        foreach ($created in $first | Where-Object Action -EQ 'Create') {
            $onServer = $stagesAfterFirst | Where-Object { $_.attributes.name -eq $created.Stage }
            $created.OutreachId | Should -Be $onServer.id
            $saved = $savedAfterFirst.stages | Where-Object name -EQ $created.Stage
            $saved.id | Should -Be $onServer.id
            $saved.outreach | Should -Not -BeNullOrEmpty
        }
        @($savedAfterFirst.leadStatusMappings | Where-Object { $_.stageId -lt 100 }) | Should -BeNullOrEmpty
    }

    It 'makes no writing call the second time, and says nothing changed' {
        @($callsOfSecond | Where-Object Writes) | Should -BeNullOrEmpty
        $second.Result | Sort-Object -Unique | Should -Be 'Unchanged'
        "$said" | Should -BeLike '*nothing changed*'
    }

    It 'ends with Import-OutreachStage -Online -Merge and Test-StageMapping finding no error' {
        (Get-OutreachStage).Count | Should -Be 12
        @(Get-OutreachStage | Where-Object { -not $_.IsInOutreach }) | Should -BeNullOrEmpty
        @($diagnostics | Where-Object Severity -EQ 'Error') | Should -BeNullOrEmpty
    }

    It 'shows connections by instance and user only' {
        "$crm" | Should -Be "admin@loopback.example at $($servers.Salesforce.GetLeftPart('Authority'))"
        "$outreach" | Should -Be "client $clientId at $($servers.Outreach.GetLeftPart('Authority'))"
        $crmView = ($crm | Out-String) -split "`n" | Where-Object { $_.Trim() }
        $crmView[0] -split '\s+' | Where-Object { $_ } | Should -Be 'InstanceUrl', 'UserName'
        ($outreach | Out-String) | Should -BeLike "*BaseUri*User*client $clientId*"
    }

    It 'wrote no token, secret or refresh token to any file or stream' {
        $written = Get-ChildItem $TestDrive -File -Recurse | ForEach-Object { Get-Content $_.FullName -Raw }
        $written | Should -Not -BeNullOrEmpty
        (Get-Content $streams -Raw) | Should -BeLike '*GET http://127.0.0.1:*/api/v2/stages*'
        foreach ($secret in $salesforceToken, $outreachToken, $clientSecret, $refreshToken, 'or-access-2', 'or-refresh-2') {
            $written | Where-Object { $_.Contains($secret) } | Should -BeNullOrEmpty -Because "'$secret' must not be written"
        }
    }
}

Describe 'Connecting' {
    It 'takes the token from ''sf org display'' when the CLI predates show-access-token' {
        $sf = Install-FakeSalesforceCli -InstanceUrl $servers.Salesforce -AccessToken $salesforceToken -Cli Old
        try {
            New-StageMapConfiguration -Force | Out-Null
            Connect-Crm -TargetOrg loopback -Verbose 4>&1 | Out-String | Should -BeLike '*predates it*'
            Import-CrmMetadata -Online -Object Lead
            (Get-CrmStatus -Object Lead).Count | Should -Be 6
            Get-Content (Join-Path $sf 'calls.log') | Should -Be 'org display --target-org loopback --json', 'org auth show-access-token --target-org loopback --json'
        } finally {
            Remove-FakeSalesforceCli $sf
        }
    }

    It 'asks the CLI for the token again once when Salesforce refuses it, then gives CrmAuthenticationFailed' {
        $sf = Install-FakeSalesforceCli -InstanceUrl $servers.Salesforce -AccessToken $salesforceToken -Cli New
        try {
            Reset-Server $servers.Salesforce
            New-StageMapConfiguration -Force | Out-Null
            Connect-Crm -TargetOrg loopback | Out-Null
            Add-ServerFault $servers.Salesforce GET '/services/data/v62.0/sobjects/Lead/describe' 401 '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]' -Times 2
            { Import-CrmMetadata -Online } | Should -Throw -ErrorId 'CrmAuthenticationFailed,StageMap.Cmdlets.CrmMetadata.ImportCrmMetadataCommand'
            @(Get-Content (Join-Path $sf 'calls.log') | Where-Object { $_ -like 'org auth show-access-token*' }) | Should -HaveCount 2
            (Get-ServerCall $servers.Salesforce).status | Should -Be 200, 401, 401 -Because 'Connect-Crm checked the token on userinfo first'
        } finally {
            Remove-FakeSalesforceCli $sf
        }
    }

    It 'completes -TargetOrg with the aliases and usernames the CLI knows' {
        $home_ = $env:HOME
        try {
            $env:HOME = Join-Path $TestDrive 'home'
            New-Item -ItemType Directory -Path (Join-Path $env:HOME '.sfdx') -Force | Out-Null
            '{"orgs":{"loopback":"admin@loopback.example","prod":"admin@acme.example"}}' | Set-Content (Join-Path $env:HOME '.sfdx/alias.json')
            '{}' | Set-Content (Join-Path $env:HOME '.sfdx/admin@loopback.example.json')
            $line = 'Connect-Crm -TargetOrg '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'loopback', 'prod', "'admin@loopback.example'"
        } finally {
            $env:HOME = $home_
        }
    }

    It 'refuses an address that is not https, except loopback' {
        { Connect-Outreach -AccessToken (Secure 'x') -BaseUri 'http://outreach.example' } | Should -Throw -ErrorId 'InsecureBaseUri,StageMap.Cmdlets.Live.ConnectOutreachCommand'
        { Connect-Crm -InstanceUrl 'http://acme.my.salesforce.example' -AccessToken (Secure 'x') } | Should -Throw -ErrorId 'InsecureBaseUri,StageMap.Cmdlets.Live.ConnectCrmCommand'
    }

    It 'gets the first Outreach token with the refresh token' {
        Reset-Server $servers.Outreach
        Connect-Outreach -ClientId $clientId -ClientSecret (Secure $clientSecret) -RefreshToken (Secure $refreshToken) -BaseUri $servers.Outreach | Out-Null
        (Get-ServerCall $servers.Outreach).path | Should -Be '/oauth/token', '/api/v2/stages?page%5Bsize%5D=1&count=false'
        { Connect-Outreach -ClientId $clientId -ClientSecret (Secure 'wrong') -RefreshToken (Secure $refreshToken) -BaseUri $servers.Outreach } |
            Should -Throw -ErrorId 'OutreachAuthenticationFailed,StageMap.Cmdlets.Live.ConnectOutreachCommand' -ExpectedMessage '*invalid_grant*'
    }

    It 'refuses a disconnected connection' {
        Reset-Server $servers.Outreach
        $connection = Connect-Outreach -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach
        Disconnect-Outreach
        New-StageMapConfiguration -Force | Out-Null
        { Import-OutreachStage -Online } | Should -Throw -ErrorId 'NoOutreachConnection,StageMap.Cmdlets.Stages.ImportOutreachStageCommand'
        { Import-OutreachStage -Online -Connection $connection } | Should -Throw -ErrorId 'NoOutreachConnection,StageMap.Cmdlets.Stages.ImportOutreachStageCommand'
    }
}

Describe 'Each failure ends in its error id and leaves the configuration file as it was' {
    BeforeEach {
        Reset-Server $servers.Outreach
        Reset-Server $servers.Salesforce
        $mappingFile = Join-Path $TestDrive "failures-$([guid]::NewGuid().ToString('n')).json"
        New-StageMapConfiguration -Path $mappingFile -Force | Out-Null
        New-OutreachStage -Name 'Nurturing' | Out-Null
        $before = (Get-FileHash $mappingFile).Hash
        Connect-Outreach -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach | Out-Null
        Connect-Crm -InstanceUrl $servers.Salesforce -AccessToken (Secure $salesforceToken) | Out-Null
    }

    It 'a wrong Salesforce token fails Connect-Crm at once; one refused later is CrmAuthenticationFailed' {
        { Connect-Crm -InstanceUrl $servers.Salesforce -AccessToken (Secure 'expired') } |
            Should -Throw -ErrorId 'CrmAuthenticationFailed,StageMap.Cmdlets.Live.ConnectCrmCommand' -ExpectedMessage '*userinfo: Bad_OAuth_Token. Get a fresh one*The session''s current Salesforce connection is still admin@loopback.example at http://127.0.0.1:*'
        Add-ServerFault $servers.Salesforce GET '/services/data/v62.0/sobjects/Lead/describe' 401 '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]'
        { Import-CrmMetadata -Online } | Should -Throw -ErrorId 'CrmAuthenticationFailed,StageMap.Cmdlets.CrmMetadata.ImportCrmMetadataCommand' -ExpectedMessage '*INVALID_SESSION_ID: Session expired or invalid. Get a fresh one*'
        (Get-FileHash $mappingFile).Hash | Should -Be $before
    }

    It 'a Salesforce errorCode body is CrmRequestFailed with the code and the message' {
        Add-ServerFault $servers.Salesforce GET '/services/data/v62.0/query' 400 '[{"message":"No such column ''ApiName'' on entity ''LeadStatus''","errorCode":"INVALID_FIELD"}]'
        { Import-CrmMetadata -Online } | Should -Throw -ErrorId 'CrmRequestFailed,StageMap.Cmdlets.CrmMetadata.ImportCrmMetadataCommand' -ExpectedMessage "*400*INVALID_FIELD: No such column 'ApiName'*"
        (Get-FileHash $mappingFile).Hash | Should -Be $before
    }

    It 'a missing OAuth scope is OutreachScopeMissing, naming it' {
        Invoke-ServerControl $servers.Outreach '_deny?scope=stages.read'
        { Import-OutreachStage -Online -Merge } | Should -Throw -ErrorId 'OutreachScopeMissing,StageMap.Cmdlets.Stages.ImportOutreachStageCommand' -ExpectedMessage "*'stages.read'*"
        (Get-FileHash $mappingFile).Hash | Should -Be $before
    }

    It 'a refused Outreach token with no way to renew it is OutreachAuthenticationFailed' {
        Invoke-ServerControl $servers.Outreach '_expire'
        { Sync-OutreachStage } | Should -Throw -ErrorId 'OutreachAuthenticationFailed,StageMap.Cmdlets.Live.SyncOutreachStageCommand'
        (Get-FileHash $mappingFile).Hash | Should -Be $before
    }

    It 'a 415 is OutreachRequestFailed naming the call; the stages created before it are recorded' {
        Add-ServerFault $servers.Outreach POST '/api/v2/stages' 415 '{"errors":[{"id":"unsupportedMediaType","title":"Unsupported Media Type","detail":"Use application/vnd.api+json."}]}'
        $changes = Sync-OutreachStage -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue
        $failed.FullyQualifiedErrorId | Should -Be 'OutreachRequestFailed,StageMap.Cmdlets.Live.SyncOutreachStageCommand'
        "$failed" | Should -BeLike '*POST http://127.0.0.1:*/api/v2/stages*415*Use application/vnd.api+json.*'
        ($changes | Where-Object Stage -EQ 'Nurturing').Result | Should -Be 'Failed'
        $warned | Should -BeLike '1 call(s) to Outreach failed: POST *'
        (Get-FileHash $mappingFile).Hash | Should -Not -Be $before -Because 'the six stages matched by name were recorded'
        (Get-OutreachStage -Name Nurturing).IsInOutreach | Should -BeFalse
        (Get-OutreachStage -Name New).IsInOutreach | Should -BeTrue
    }

    It 'a 422 is OutreachRequestRejected with Outreach''s detail; the other stages still go through' {
        New-OutreachStage -Name 'Meeting Booked' | Out-Null
        Add-ServerFault $servers.Outreach POST '/api/v2/stages' 422 '{"errors":[{"id":"validationError","title":"Validation Error","detail":"Name is too long."}]}'
        $changes = Sync-OutreachStage -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $failed.FullyQualifiedErrorId | Should -Be 'OutreachRequestRejected,StageMap.Cmdlets.Live.SyncOutreachStageCommand'
        "$failed" | Should -BeLike '*Name is too long.*'
        $failed.TargetObject | Should -Be 'Nurturing'
        ($changes | Where-Object Action -EQ 'Create').Result | Should -Be 'Failed', 'Done'
        (Get-OutreachStage -Name 'Meeting Booked').IsInOutreach | Should -BeTrue
        $saved = Get-Content $mappingFile -Raw | ConvertFrom-Json
        ($saved.stages | Where-Object name -EQ 'Meeting Booked').id | Should -Be 101
    }

    It 'a stage prospects hold is StageHasProspects, and is deleted with -Force' {
        Remove-OutreachStage -Name 'Bad Data'
        Sync-OutreachStage | Out-Null
        $before = (Get-FileHash $mappingFile).Hash
        Invoke-ServerControl $servers.Outreach '_prospects?stage=6&count=3'
        $refused = Sync-OutreachStage -RemoveExtra -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.FullyQualifiedErrorId | Should -Be 'StageHasProspects,StageMap.Cmdlets.Live.SyncOutreachStageCommand'
        ($refused | Where-Object Stage -EQ 'Bad Data').Result | Should -Be 'Refused'
        (Get-FileHash $mappingFile).Hash | Should -Be $before

        $deleted = Sync-OutreachStage -RemoveExtra -Force -Confirm:$false
        ($deleted | Where-Object Stage -EQ 'Bad Data').Result | Should -Be 'Done'
        (Get-ServerCall $servers.Outreach | Where-Object Method -EQ DELETE).Status | Should -Be 204
    }
}

Describe 'Changing a stage Outreach has' {
    It 'renames, reorders and recolours it with one PATCH, then has nothing left to do' {
        Reset-Server $servers.Outreach
        New-StageMapConfiguration -Force | Out-Null
        Connect-Outreach -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach | Out-Null
        Import-OutreachStage -Online
        Set-OutreachStage -Name Replied -NewName 'Replied (engaged)' -Order 9 -Color '#112233'

        # The configuration is in memory only: its snapshot goes where -SnapshotPath says.
        $changes = Sync-OutreachStage -SnapshotPath (Join-Path $TestDrive 'snapshots')
        $again = Sync-OutreachStage

        $update = $changes | Where-Object Action -EQ 'Update'
        $update.Stage | Should -Be 'Replied (engaged)'
        $update.OutreachId | Should -Be 3
        $update.Details | Should -Be "name 'Replied' -> 'Replied (engaged)', order 3 -> 9, color #3cc878 -> #112233"
        $patch = @(Get-ServerCall $servers.Outreach | Where-Object Writes)
        "$($patch.method) $($patch.path) $($patch.status)" | Should -Be 'PATCH /api/v2/stages/3 200'
        $stage = (Invoke-RestMethod ([uri]::new($servers.Outreach, '_stages'))) | Where-Object id -EQ 3
        $stage.attributes.name, $stage.attributes.order, $stage.attributes.color | Should -Be 'Replied (engaged)', 9, '#112233'
        $again.Result | Sort-Object -Unique | Should -Be 'Unchanged'
    }
}

Describe 'Merging Outreach''s stages in' {
    It 'warns once per stage it adds, names Remove-OutreachStage for it, and the named command makes it extra again' {
        Reset-Server $servers.Outreach
        New-StageMapConfiguration -Force | Out-Null
        Connect-Outreach -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach | Out-Null
        foreach ($name in 'Legacy', 'Old Outbound') {
            $body = @{ data = @{ type = 'stage'; attributes = @{ name = $name } } } | ConvertTo-Json -Depth 5
            Invoke-RestMethod -Method Post -Uri ([uri]::new($servers.Outreach, 'api/v2/stages')) -Body $body -ContentType 'application/vnd.api+json' -Headers @{ Authorization = "Bearer $outreachToken" } | Out-Null
        }

        Import-OutreachStage -Online -Merge -WarningVariable added -WarningAction SilentlyContinue

        $added | Should -HaveCount 2
        $added[0] | Should -BeLike "Stage 'Legacy' (Outreach id *) was added*Remove-OutreachStage -Name 'Legacy'."
        $added[1] | Should -BeLike "Stage 'Old Outbound' (Outreach id *) was added*Remove-OutreachStage -Name 'Old Outbound'."
        Invoke-Expression ("$($added[0])" -replace '^.*remove it: (.*)\.$', '$1')
        (Get-OutreachStage).Name | Should -Not -Contain 'Legacy'
        (Sync-OutreachStage -RemoveExtra -WhatIf | Where-Object Action -EQ 'Delete').Stage | Should -Be 'Legacy'
    }
}

Describe 'Waiting and renewing' {
    BeforeEach {
        Reset-Server $servers.Outreach
        New-StageMapConfiguration -Force | Out-Null
    }

    It 'waits as a 429 asks (Retry-After), says so, then succeeds' {
        Connect-Outreach -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach | Out-Null
        Add-ServerFault $servers.Outreach GET '/api/v2/stages' 429 '{"errors":[{"id":"rateLimitExceeded","title":"Rate Limit Exceeded","detail":"Rate limit exceeded."}]}' @{ 'Retry-After' = '1' }
        $verbose = Import-OutreachStage -Online -Verbose 4>&1 | Out-String
        $verbose | Should -BeLike '*429*waiting 1 s (Retry-After) before try 2 of 5*'
        (Get-ServerCall $servers.Outreach).status | Should -Be 200, 429, 200, 200 -Because 'Connect-Outreach checked the token first'
        (Get-OutreachStage).Count | Should -Be 6
    }

    It 'renews a refused token once at the token endpoint, then retries the call' {
        Connect-Outreach -ClientId $clientId -ClientSecret (Secure $clientSecret) -RefreshToken (Secure $refreshToken) -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach | Out-Null
        Reset-Server $servers.Outreach
        Invoke-ServerControl $servers.Outreach '_expire'
        Import-OutreachStage -Online
        $calls = Get-ServerCall $servers.Outreach
        $calls[0..2] | ForEach-Object { "$($_.method) $($_.path) $($_.status)" } | Should -Be 'GET /api/v2/stages?page%5Bsize%5D=1000&count=false 401', 'POST /oauth/token 200', 'GET /api/v2/stages?page%5Bsize%5D=1000&count=false 200'
    }
}

Describe 'Export-CrmMetadata' {
    BeforeEach {
        $project = Join-Path $TestDrive "sfdx-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $project | Out-Null
        '{"packageDirectories":[{"path":"force-app","default":true}],"sourceApiVersion":"62.0"}' | Set-Content (Join-Path $project 'sfdx-project.json')
        New-StageMapConfiguration -Force | Out-Null
        Import-CrmMetadata -Path (Join-Path $FixturesPath 'salesforce/sf_rest_query_LeadStatus__stagemap.json')
        New-LeadStatusMapping -CrmStatus 'Recycled' -Stage 'Bad Data' | Out-Null
        $field = Join-Path $project 'force-app/main/default/objects/Contact/fields/Contact_Status__c.field-meta.xml'
        $valueSet = Join-Path $project 'force-app/main/default/standardValueSets/LeadStatus.standardValueSet-meta.xml'
    }

    It 'shows with -WhatIf what it would write, and writes nothing' {
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript | Out-Null
        Export-CrmMetadata -Path $project -WhatIf -WarningAction SilentlyContinue
        Stop-Transcript | Out-Null
        Get-Content $transcript -Raw | Should -BeLike "*Create with 'New', 'Approaching'*Contact_Status__c.field-meta.xml*"
        Test-Path (Join-Path $project 'force-app') | Should -BeFalse
    }

    It 'writes the Contact field and the LeadStatus value set, which read back as the configuration has them' {
        $added = Export-CrmMetadata -Path $project
        ($added | Where-Object Path -EQ $field).Value | Should -Be (Get-OutreachStage).Name
        ($added | Where-Object Path -EQ $valueSet).Value | Should -Contain 'Recycled'
        New-StageMapConfiguration -Force | Out-Null
        Import-CrmMetadata -Path $field, $valueSet
        (Get-CrmStatus -Object Contact).ApiName | Should -Be 'New', 'Approaching', 'Replied', 'Unresponsive', 'Do Not Contact', 'Bad Data'
        (Get-CrmStatus -Object Lead).ApiName | Should -Contain 'Meeting Booked'
        ([xml](Get-Content $field -Raw)).CustomField.valueSet.restricted | Should -Be 'true'
    }

    It 'merges into the files already there and never drops a value' {
        New-Item -ItemType Directory -Path (Split-Path $field) -Force | Out-Null
        Copy-Item (Join-Path $FixturesPath 'salesforce/sfdx_Contact_Status__c.field-meta__stagemap.xml') $field
        New-OutreachStage -Name 'Nurturing' | Out-Null
        $added = Export-CrmMetadata -Path $project -WarningAction SilentlyContinue
        ($added | Where-Object Path -EQ $field).Value | Should -Be 'Nurturing'
        $values = ([xml](Get-Content $field -Raw)).CustomField.valueSet.valueSetDefinition.value.fullName
        $values | Should -Be 'New', 'Approaching', 'Replied', 'Unresponsive', 'Do Not Contact', 'Bad Data', 'Recycled', 'Nurturing'
        Export-CrmMetadata -Path $project -WarningAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a folder that is not an SFDX project, and names -Create' {
        { Export-CrmMetadata -Path $TestDrive -ErrorAction Stop } | Should -Throw -ErrorId 'SfdxProjectNotFound,StageMap.Cmdlets.Live.ExportCrmMetadataCommand' -ExpectedMessage '*-Create*'
    }

    It 'with -Create makes a new folder a project first, and writes into its force-app' {
        $new = Join-Path $TestDrive "new-$([guid]::NewGuid().ToString('n'))"
        Export-CrmMetadata -Path $new -Create -WhatIf -WarningAction SilentlyContinue
        Test-Path $new | Should -BeFalse

        $added = Export-CrmMetadata -Path $new -Create -WarningAction SilentlyContinue
        $project = Get-Content (Join-Path $new 'sfdx-project.json') -Raw | ConvertFrom-Json
        $project.packageDirectories.path | Should -Be 'force-app'
        $project.sourceApiVersion | Should -Be '62.0'
        $added.Path | Sort-Object -Unique | Should -Be @(
            (Join-Path $new 'force-app/main/default/objects/Contact/fields/Contact_Status__c.field-meta.xml')
            (Join-Path $new 'force-app/main/default/standardValueSets/LeadStatus.standardValueSet-meta.xml'))
        Export-CrmMetadata -Path $new -Create -WarningAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'records what it exported, so the stage names the picklist lacked (SM010) are found no more; the finding''s fix command runs as printed' {
        Import-CrmMetadata -Path (Join-Path $FixturesPath 'salesforce/sfdx_Contact_Status__c.field-meta__stagemap.xml')
        New-FieldMapping -Object Contact -OutreachField 'Stage Name' -CrmField Contact_Status__c | Out-Null
        New-OutreachStage -Name 'Meeting Set' | Out-Null
        $finding = Test-StageMapping | Where-Object { $_.RuleId -eq 'SM010' -and $_.Target -eq 'Meeting Set' }
        $finding.FixCommands | Should -Be 'Export-CrmMetadata -Path ./sfdx-project -Create'
        $finding.Suggestion | Should -BeLike 'sf project deploy start*'

        Push-Location $TestDrive
        try {
            Remove-Item ./sfdx-project -Recurse -Force -ErrorAction Ignore
            Invoke-Expression $finding.FixCommands[0] | Out-Null
        } finally {
            Pop-Location
        }
        @(Test-StageMapping | Where-Object RuleId -EQ 'SM010' | Where-Object Target -EQ 'Meeting Set') | Should -BeNullOrEmpty
        (Get-CrmStatus -Object Contact).ApiName | Should -Contain 'Meeting Set'
    }
}

Describe 'Reviewing a sync: Compare-StageMapConfiguration of the files before and after' {
    BeforeEach {
        Reset-Server $servers.Outreach
        # Outreach already has two stages of its own at orders 7 and 8.
        foreach ($extra in @(@{ name = 'Legacy'; order = 7 }, @{ name = 'Old Outbound'; order = 8 })) {
            $body = @{ data = @{ type = 'stage'; attributes = $extra } } | ConvertTo-Json -Depth 4 -Compress
            Invoke-RestMethod -Method Post -Uri ([uri]::new($servers.Outreach, 'api/v2/stages')) -Body $body -ContentType 'application/vnd.api+json' -Headers @{ Authorization = "Bearer $outreachToken" } | Out-Null
        }
        $folder = Join-Path $TestDrive "review-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $folder | Out-Null
        $mappingFile = Join-Path $folder 'outreach-mapping.json'
        $beforeFile = Join-Path $folder 'before.json'
        New-StageMapConfiguration -Path $mappingFile -Force | Out-Null
        Import-CrmMetadata -Path (Join-Path $FixturesPath 'salesforce/sf_rest_query_LeadStatus__stagemap.json')
        New-LeadStatusMapping -FromCrm -CreateMissingStages -WarningAction SilentlyContinue | Out-Null
        Connect-Outreach -AccessToken (Secure $outreachToken) -BaseUri $servers.Outreach | Out-Null
    }

    It 'lists only Changed stages: now in Outreach with the id, and the order a new stage got above Outreach''s own' {
        Copy-Item $mappingFile $beforeFile
        $before = Get-OutreachStage

        $synced = Sync-OutreachStage
        $changes = Compare-StageMapConfiguration -ReferenceConfiguration $beforeFile -DifferenceConfiguration $mappingFile
        $review = Compare-StageMapConfiguration -ReferenceConfiguration $beforeFile -DifferenceConfiguration $mappingFile -AsMarkdown

        @($changes | Where-Object Change -NE 'Changed') | Should -BeNullOrEmpty
        @($changes | Where-Object Area -NE 'Stage') | Should -BeNullOrEmpty
        @($changes | Where-Object Property -NotIn 'InOutreach', 'Order') | Should -BeNullOrEmpty -Because 'no rename, no mapping change'
        ($changes | Where-Object Property -EQ 'InOutreach').Name | Should -Be $before.Name
        foreach ($stage in $synced | Where-Object Action -NE 'Extra') {
            $change = $changes | Where-Object { $_.Property -eq 'InOutreach' -and $_.Name -eq $stage.Stage }
            $change.Before | Should -Be 'no'
            $change.After | Should -BeLike "id $($stage.OutreachId): '$($stage.Stage)', order *"
        }
        # The six created stages would have taken orders 7 to 12; 7 and 8 are Outreach's, so they go above 8.
        ($changes | Where-Object Property -EQ 'Order' | ForEach-Object { "$($_.Name) $($_.Before)->$($_.After)" }) |
            Should -Be 'Open - Not Contacted 7->9', 'Working - Contacted 8->10', 'Nurturing 9->11', 'Meeting Booked 10->12', 'Closed - Converted 11->13', 'Closed - Not Converted 12->14'
        $review | Should -Match '### Stages[\s\S]*\| Changed \|  \| `Nurturing` \| `InOutreach` \| `no` \| `id \d+: '
        $review | Should -Not -BeLike '*| Added |*'
        $review | Should -Not -BeLike '*| Removed |*'
        $review | Should -Not -BeLike '*### Lead status mappings*'
    }

    It 'reads a schema 2 file of before the sync as the same stages (migrated on read)' {
        $schema2 = Get-Content $mappingFile -Raw | ConvertFrom-Json
        $schema2.schemaVersion = 2
        foreach ($stage in $schema2.stages) { $stage.PSObject.Properties.Remove('key') }
        $schema2 | ConvertTo-Json -Depth 10 | Set-Content $beforeFile
        Import-StageMapConfiguration -Path $beforeFile | Out-Null
        Copy-Item $beforeFile $mappingFile -Force
        Import-StageMapConfiguration -Path $mappingFile | Out-Null

        Sync-OutreachStage | Out-Null
        $changes = Compare-StageMapConfiguration -ReferenceConfiguration $beforeFile -DifferenceConfiguration $mappingFile

        (Get-Content $mappingFile -Raw | ConvertFrom-Json).schemaVersion | Should -Be 3
        @($changes | Where-Object Change -NE 'Changed') | Should -BeNullOrEmpty
        @($changes | Where-Object Property -NotIn 'InOutreach', 'Order') | Should -BeNullOrEmpty
        @($changes | Where-Object Property -EQ 'InOutreach').Count | Should -Be 12
    }
}
