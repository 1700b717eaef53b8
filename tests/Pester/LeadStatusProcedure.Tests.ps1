# The article's Lead Status procedure, as an admin scripts it: "Click Add, select the CRM status from
# the LeadStatus dropdown, select the Outreach stage, Click Save; repeat until the applicable CRM
# statuses have been added."
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
}

Describe 'Mapping the lead statuses of a standard Salesforce org' {
    BeforeEach {
        $mappingFile = Join-Path $TestDrive 'outreach-mapping.json'
        New-StageMapConfiguration -Path $mappingFile -Force -Confirm:$false | Out-Null
    }

    It 'starts from the stages Outreach provides out of the box' {
        (Get-OutreachStage).Name | Should -Be 'New', 'Approaching', 'Replied', 'Unresponsive', 'Do Not Contact', 'Bad Data'
    }

    It 'maps each status to one stage and saves the file after each command' {
        New-LeadStatusMapping -CrmStatus 'Open - Not Contacted' -Stage New
        New-LeadStatusMapping -CrmStatus 'Working - Contacted' -Stage Approaching

        $saved = Get-Content $mappingFile -Raw | ConvertFrom-Json
        $saved.leadStatusMappings.crmStatus | Should -Be 'Open - Not Contacted', 'Working - Contacted'
    }

    It 'maps a whole sheet in one command and writes every good row' {
        $sheet = Join-Path $TestDrive 'sheet.csv'
        @(
            [pscustomobject]@{ CrmStatus = 'Open - Not Contacted'; Stage = 'New' }
            [pscustomobject]@{ CrmStatus = 'Working - Contacted'; Stage = 'Approaching' }
            [pscustomobject]@{ CrmStatus = 'Nurturing'; Stage = 'Approaching' }
            [pscustomobject]@{ CrmStatus = 'Closed - Converted'; Stage = 'Replied' }
        ) | Export-Csv $sheet -NoTypeInformation

        $mapped = Import-Csv $sheet | New-LeadStatusMapping -ErrorVariable refused -ErrorAction SilentlyContinue

        $mapped.CrmStatus | Should -Be 'Open - Not Contacted', 'Working - Contacted', 'Closed - Converted'
        $refused.FullyQualifiedErrorId | Should -BeLike 'StageAlreadyMapped,*'
        $refused.TargetObject | Should -Be 'Nurturing'
        (Import-StageMapConfiguration $mappingFile | ForEach-Object { Get-LeadStatusMapping -Configuration $_ }).Count | Should -Be 3
    }

    It 'refuses to map a stage already present, leaving the file byte for byte as it was' {
        New-LeadStatusMapping -CrmStatus 'Working - Contacted' -Stage Approaching
        $before = Get-FileHash $mappingFile

        { New-LeadStatusMapping -CrmStatus 'Open - Not Contacted' -Stage Approaching -ErrorAction Stop } |
            Should -Throw -ErrorId 'StageAlreadyMapped,StageMap.Cmdlets.LeadStatusMappings.NewLeadStatusMappingCommand'

        (Get-FileHash $mappingFile).Hash | Should -Be $before.Hash
    }

    It 'keeps the mappings when a stage is renamed' {
        New-LeadStatusMapping -CrmStatus 'Working - Contacted' -Stage Approaching
        Set-OutreachStage -Name Approaching -NewName Working

        (Get-LeadStatusMapping -CrmStatus 'Working - Contacted').Stage | Should -Be 'Working'
        (Import-StageMapConfiguration $mappingFile | ForEach-Object { Get-LeadStatusMapping -Configuration $_ }).Stage | Should -Be 'Working'
    }

    It 'previews a change with -WhatIf' {
        New-LeadStatusMapping -CrmStatus 'Working - Contacted' -Stage Approaching -WhatIf

        Get-LeadStatusMapping | Should -BeNullOrEmpty
    }
}
