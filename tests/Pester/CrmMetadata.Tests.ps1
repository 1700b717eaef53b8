# An admin reads the org's own metadata into the mapping, maps the statuses by name and takes the
# stages from Outreach: Import-CrmMetadata, Get-CrmStatus, New-LeadStatusMapping -FromCrm,
# Import-OutreachStage.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $salesforce = (Resolve-Path (Join-Path $FixturesPath 'salesforce')).Path
    $outreach = (Resolve-Path (Join-Path $FixturesPath 'outreach')).Path
}

Describe 'Reading the CRM metadata' {
    BeforeEach {
        $mappingFile = Join-Path $TestDrive 'outreach-mapping.json'
        New-StageMapConfiguration -Path $mappingFile -Force -Confirm:$false | Out-Null
    }

    It 'lists the four statuses of the shared Lead describe, Open - Not Contacted the default' {
        Import-CrmMetadata -Path (Join-Path $salesforce 'sf_describe_Lead__lwrfileupload.json')

        $statuses = Get-CrmStatus -Object Lead
        $statuses.ApiName | Should -Be 'Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'
        ($statuses | Where-Object IsDefault).ApiName | Should -Be 'Open - Not Contacted'
    }

    It 'combines a CLI describe and a Data Loader export into one list with record ids' {
        Get-ChildItem $salesforce -Filter *__stagemap.* | Where-Object Name -Match 'describe_Lead|dataloader' | Import-CrmMetadata

        $statuses = Get-CrmStatus -Object Lead
        $statuses.Count | Should -Be 6
        $statuses.Id | Should -Not -Contain $null
        ($statuses | Where-Object IsConverted).ApiName | Should -Be 'Closed - Converted'
    }

    It 'keeps what it imported in the configuration file' {
        Import-CrmMetadata -Path (Join-Path $salesforce 'sfdx_Contact_Status__c.field-meta__stagemap.xml')

        $saved = Get-Content $mappingFile -Raw | ConvertFrom-Json
        $saved.crmMetadata.contactStatuses.apiName | Should -Contain 'Do Not Contact'
        $saved.crmMetadata.sources | Should -Be 'sfdx_Contact_Status__c.field-meta__stagemap.xml'
    }

    It 'imports nothing when one file of the folder is not metadata, leaving the file byte for byte' {
        $before = Get-FileHash $mappingFile

        Get-ChildItem $salesforce -Filter *.json | Import-CrmMetadata -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue

        $failed.FullyQualifiedErrorId | Should -BeLike 'UnrecognizedMetadataFile,*'
        $failed.TargetObject | Should -Contain (Join-Path $salesforce 'sf_tree_Lead__la-sfdg-data-loader-examples.json')
        $warned[-1] | Should -BeLike 'Nothing was imported*'
        Get-CrmStatus | Should -BeNullOrEmpty
        (Get-FileHash $mappingFile).Hash | Should -Be $before.Hash
    }

    It 'names line and position of a malformed file' {
        $broken = Join-Path $TestDrive 'LeadStatus.standardValueSet-meta.xml'
        Set-Content $broken "<StandardValueSet>`n  <standardValue>`n    <fullName>Open</fullName>`n  </standardValu>`n</StandardValueSet>"

        { Import-CrmMetadata -Path $broken -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidMetadataFile,StageMap.Cmdlets.CrmMetadata.ImportCrmMetadataCommand' -ExpectedMessage "*line 4, position 5*"
    }
}

Describe 'Mapping the CRM statuses by name' {
    BeforeEach {
        New-StageMapConfiguration -Force | Out-Null
    }

    It 'refuses without imported lead statuses' {
        { New-LeadStatusMapping -FromCrm } | Should -Throw -ErrorId 'NoCrmLeadStatuses,StageMap.Cmdlets.LeadStatusMappings.NewLeadStatusMappingCommand'
    }

    It 'maps every status to a stage of its name, creating the missing stages in the CRM''s order' {
        Import-CrmMetadata -Path (Join-Path $salesforce 'sfdx_LeadStatus.standardValueSet-meta__stagemap.xml')

        $mapped = New-LeadStatusMapping -FromCrm -CreateMissingStages -WarningVariable warned -WarningAction SilentlyContinue

        $mapped.CrmStatus | Should -Be 'Open - Not Contacted', 'Working - Contacted', 'Nurturing', 'Meeting Booked', 'Closed - Converted', 'Closed - Not Converted'
        (Get-OutreachStage | Select-Object -Skip 6).Name | Should -Be $mapped.CrmStatus
        $warned | Should -BeLike "Lead status 'Recycled' was not mapped: it is inactive*"
    }

    It 'warns for each status whose stage is missing or taken' {
        Import-CrmMetadata -Path (Join-Path $salesforce 'sf_describe_Lead__lwrfileupload.json')
        New-OutreachStage -Name 'Working - Contacted' | Out-Null
        New-LeadStatusMapping -CrmStatus 'Legacy Working' -Stage 'Working - Contacted' | Out-Null

        $mapped = New-LeadStatusMapping -FromCrm -WarningVariable warned -WarningAction SilentlyContinue

        $mapped | Should -BeNullOrEmpty
        $warned.Count | Should -Be 4
        $warned[1] | Should -BeLike "*stage 'Working - Contacted' is already mapped by lead status 'Legacy Working'*"
    }
}

Describe 'Taking the stages from Outreach' {
    BeforeEach {
        $mappingFile = Join-Path $TestDrive 'outreach-mapping.json'
        New-StageMapConfiguration -Path $mappingFile -Force -Confirm:$false | Out-Null
        New-LeadStatusMapping -CrmStatus 'Working - Contacted' -Stage Approaching | Out-Null
    }

    It 'replaces the stages with Outreach''s and keeps the mapping by name' {
        Import-OutreachStage -Path (Join-Path $outreach 'outreach_api_stages__stagemap.json')

        (Get-OutreachStage).Name | Should -Be 'New', 'Approaching', 'Replied', 'Unresponsive', 'Do Not Contact', 'Bad Data', 'Nurturing', 'Meeting Booked'
        (Get-OutreachStage -Name 'Meeting Booked').Id | Should -Be 10
        (Get-LeadStatusMapping -CrmStatus 'Working - Contacted').Stage | Should -Be 'Approaching'
    }

    It 'refuses a replace that would drop a mapped stage, leaving the file byte for byte' {
        New-OutreachStage -Name Meeting | Out-Null
        New-LeadStatusMapping -CrmStatus 'Meeting Set' -Stage Meeting | Out-Null
        $before = Get-FileHash $mappingFile

        { Import-OutreachStage -Path (Join-Path $outreach 'outreach_stages__stagemap.jsonl') -ErrorAction Stop } |
            Should -Throw -ErrorId 'StageInUse,StageMap.Cmdlets.Stages.ImportOutreachStageCommand'

        (Get-FileHash $mappingFile).Hash | Should -Be $before.Hash
    }

    It 'merges, keeping the configuration''s own stages' {
        New-OutreachStage -Name Meeting | Out-Null

        Import-OutreachStage -Path (Join-Path $outreach 'outreach_stages__stagemap.jsonl') -Merge

        (Get-OutreachStage).Name | Should -Contain 'Meeting'
        (Get-OutreachStage).Name | Should -Contain 'Nurturing'
    }
}
