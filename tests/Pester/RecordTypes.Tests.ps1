# An admin whose org has Lead record types: imports the SFDX project folder, maps every status, finds the
# record type whose Lead Process lacks two of them (SM016), adds them in the project with
# Export-CrmMetadata -RecordType, imports the project again and the warning is gone; then reads the org
# itself (the loopback Salesforce) and gets the same answer through the UI API.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    . (Join-Path $PSScriptRoot 'LiveServers.ps1')
    $servers = Start-LiveServers
    $salesforceToken = '00DLOOPBACK000001!AQ4AQ.sf-access-3c9e'

    function Set-MappedEveryStatus {
        New-LeadStatusMapping -FromCrm -CreateMissingStages -WarningAction SilentlyContinue | Out-Null
        New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | Out-Null
    }

    function Get-FileBytes([string] $Folder) {
        $bytes = @{}
        Get-ChildItem $Folder -Recurse -File | ForEach-Object { $bytes[$_.FullName] = [System.IO.File]::ReadAllBytes($_.FullName) }
        $bytes
    }
}

AfterAll {
    Stop-LiveServers $servers
}

Describe 'Done when: a folder in, a record type found lacking two statuses, fixed in the SFDX source, gone' {
    BeforeAll {
        $project = Join-Path $TestDrive 'org'
        Copy-Item (Join-Path $FixturesPath 'salesforce/record_types_sfdx_project__stagemap') $project -Recurse
        $processFile = Join-Path $project 'force-app/main/default/objects/Lead/businessProcesses/Partner Process.businessProcess-meta.xml'
        $mappingFile = Join-Path $TestDrive 'outreach-mapping.json'

        New-StageMapConfiguration -Path $mappingFile | Out-Null
        Import-CrmMetadata -Path $project
        Set-MappedEveryStatus
        $found = @(Test-StageMapping | Where-Object RuleId -EQ 'SM016')
        $recordTypeView = Get-CrmRecordType -Object Lead -Name 'Partner Lead' | Out-String -Width 80

        $projectBefore = Get-FileBytes $project
        $mappingBefore = [System.IO.File]::ReadAllBytes($mappingFile)
        $whatIf = Export-CrmMetadata -Path $project -RecordType 'Partner Lead' -WhatIf
        $projectAfterWhatIf = Get-FileBytes $project
        $mappingAfterWhatIf = [System.IO.File]::ReadAllBytes($mappingFile)

        $added = Export-CrmMetadata -Path $project -RecordType 'Partner Lead'
        $projectAfterExport = Get-FileBytes $project
        Import-CrmMetadata -Path $project
        $afterReimport = @(Test-StageMapping | Where-Object RuleId -EQ 'SM016')
    }

    It 'gives exactly one SM016 Warning, naming the type and both statuses, and not the inactive type' {
        $found.Count | Should -Be 1
        $found[0].Severity | Should -Be 'Warning'
        $found[0].Object | Should -Be 'Lead'
        $found[0].Target | Should -Be 'Partner Lead'
        $found[0].Message | Should -BeLike "Lead record type 'Partner Lead' (Partner_Lead) offers the lead statuses of its Lead Process 'Partner Process'. It lacks 'Nurturing' (stage 'Nurturing') and 'Meeting Booked' (stage 'Meeting Booked')*"
        $found[0].Message | Should -Not -BeLike '*Legacy*'
        $found[0].FixCommands | Should -Be "Export-CrmMetadata -Path '$project' -RecordType 'Partner Lead'"
        $found[0].Suggestion | Should -BeLike "Setup > Object Manager > Lead > Lead Processes*Edit 'Partner Process' > move 'Nurturing', 'Meeting Booked' to Selected Values > Save."
    }

    It 'shows the values with Get-CrmRecordType -Object Lead -Name ''Partner Lead''' {
        $recordTypeView | Should -BeLike "*Lead record type 'Partner Lead' (Partner_Lead)*Lead Process: Partner Process*Open - Not Contacted (default)*Working - Contacted*Closed - Converted (converted)*Closed - Not Converted*"
    }

    It 'writes nothing under -WhatIf: the project and the configuration are byte for byte as they were' {
        $whatIf | Should -BeNullOrEmpty
        $projectAfterWhatIf.Keys | Sort-Object | Should -Be ($projectBefore.Keys | Sort-Object)
        foreach ($file in $projectBefore.Keys) {
            [System.Linq.Enumerable]::SequenceEqual($projectBefore[$file], $projectAfterWhatIf[$file]) | Should -BeTrue -Because $file
        }
        [System.Linq.Enumerable]::SequenceEqual($mappingBefore, $mappingAfterWhatIf) | Should -BeTrue
    }

    It 'adds exactly those two values to the process file, keeping the others and the default' {
        $added.Value | Should -Be 'Nurturing', 'Meeting Booked'
        $added.Path | Sort-Object -Unique | Should -Be $processFile
        foreach ($file in $projectBefore.Keys | Where-Object { $_ -ne $processFile }) {
            [System.Linq.Enumerable]::SequenceEqual($projectBefore[$file], $projectAfterExport[$file]) | Should -BeTrue -Because "$file is not the process"
        }
        $process = [xml](Get-Content $processFile -Raw)
        $process.BusinessProcess.values.fullName | Should -Be 'Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted', 'Nurturing', 'Meeting Booked'
        @($process.BusinessProcess.values | Where-Object default -EQ 'true').fullName | Should -Be 'Open - Not Contacted'
        $process.BusinessProcess.isActive | Should -Be 'true'
    }

    It 'finds nothing once the project is imported again' {
        $afterReimport | Should -BeNullOrEmpty
        (Get-CrmRecordType 'Partner Lead').Values | Should -Contain 'Nurturing'
    }
}

Describe 'Done when: Import-CrmMetadata -Online gets the same answer from the org through the UI API' {
    BeforeAll {
        Invoke-RestMethod -Method Post -Uri ([uri]::new($servers.Salesforce, '_reset')) | Out-Null
        New-StageMapConfiguration | Out-Null
        $connection = Connect-Crm -InstanceUrl $servers.Salesforce -AccessToken (ConvertTo-SecureString $salesforceToken -AsPlainText -Force)
        Import-CrmMetadata -Online -Connection $connection
        Set-MappedEveryStatus
        $online = @(Test-StageMapping | Where-Object RuleId -EQ 'SM016')
        $calls = @(Get-ServerCall $servers.Salesforce).path
        Disconnect-Crm
    }

    It 'reads each active record type''s values from the UI API, not the inactive one''s nor the master''s' {
        @($calls | Where-Object { $_ -like '*/ui-api/*' }) | Should -Be '/services/data/v62.0/ui-api/object-info/Lead/picklist-values/0128c000001PtLdAAK/Status', '/services/data/v62.0/ui-api/object-info/Contact/picklist-values/0128c000001CuCtAAK/Contact_Status__c'
    }

    It 'finds the same record type lacking the same two statuses' {
        $online.Count | Should -Be 1
        $online[0].Target | Should -Be 'Partner Lead'
        $online[0].Message | Should -BeLike "*It lacks 'Nurturing' (stage 'Nurturing') and 'Meeting Booked' (stage 'Meeting Booked')*"
        (Get-CrmRecordType 'Partner Lead').Id | Should -Be '0128c000001PtLdAAK'
    }

    It 'prints the retrieve command, since the org is no SFDX project' {
        $online[0].FixCommands | Should -BeNullOrEmpty
        $online[0].Message | Should -BeLike '*sf project retrieve start --metadata RecordType:Lead.Partner_Lead*Export-CrmMetadata -Path <project> -RecordType ''Partner Lead''*'
    }
}
