# The article's second half, as an admin scripts it: after the lead statuses, "Click Add and Map the
# Stage <> Status fields", set the Advanced Field Mapping options (Lookup field, the Mapped field,
# External Mapped Type LeadStatus), then map Stage Name <> Contact Status on the Contact object; and
# print the click-path for the experience the admin works in.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $statuses = [ordered]@{
        'Open - Not Contacted'   = 'New'
        'Working - Contacted'    = 'Approaching'
        'Closed - Converted'     = 'Replied'
        'Closed - Not Converted' = 'Unresponsive'
    }
}

Describe 'Mapping the Stage fields of a standard Salesforce org' {
    BeforeEach {
        $mappingFile = Join-Path $TestDrive 'outreach-mapping.json'
        New-StageMapConfiguration -Path $mappingFile -Force -Confirm:$false | Out-Null
        foreach ($status in $statuses.Keys) { New-LeadStatusMapping -CrmStatus $status -Stage $statuses[$status] | Out-Null }
    }

    It 'starts with the person fields mapped and the Stage fields left to the admin' {
        (Get-FieldMapping -Object Lead).OutreachField | Should -Be 'First Name', 'Last Name', 'Email', 'Title', 'Company'
        (Get-FieldMapping -Object Contact).OutreachField | Should -Be 'First Name', 'Last Name', 'Email', 'Title'
        Get-FieldMapping -OutreachField 'Stage*' | Should -BeNullOrEmpty
    }

    It 'maps Stage <> Status on the Lead as a LeadStatus lookup in one line, and saves it' {
        New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | Out-Null

        $saved = Import-StageMapConfiguration $mappingFile
        $stage = Get-FieldMapping -Object Lead -OutreachField Stage -Configuration $saved
        $stage.CrmField | Should -Be 'Status'
        $stage.Options.LookupField | Should -BeTrue
        $stage.Options.ExternalMappedField | Should -BeTrue
        $stage.Options.ExternalMappedType | Should -Be 'LeadStatus'
        $stage.Options.LookForName | Should -BeTrue
        $stage.Options.DisplayName | Should -BeFalse
    }

    It 'maps Stage Name <> Contact Status on the Contact as text in one line' {
        $contact = New-FieldMapping -Object Contact -OutreachField 'Stage Name' -CrmField Contact_Status__c

        $contact.Direction | Should -Be 'Bidirectional'
        $contact.Options.ToString() | Should -BeNullOrEmpty
        (Get-FieldMapping -Object Contact -OutreachField stageName).CrmField | Should -Be 'Contact_Status__c'
    }

    It 'refuses a second Stage <> Status mapping, leaving the file byte for byte as it was' {
        New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | Out-Null
        $before = Get-FileHash $mappingFile

        { New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -ErrorAction Stop } |
            Should -Throw -ErrorId 'DuplicateFieldMapping,StageMap.Cmdlets.FieldMappings.NewFieldMappingCommand'
        { New-FieldMapping -Object Lead -OutreachField Occupation -CrmField status -ErrorAction Stop } |
            Should -Throw -ErrorId 'DuplicateFieldMapping,StageMap.Cmdlets.FieldMappings.NewFieldMappingCommand'

        (Get-FileHash $mappingFile).Hash | Should -Be $before.Hash
    }

    It 'offers the Mapped field only with the Lookup field, as the plugin does' {
        $before = Get-FileHash $mappingFile

        { New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -ExternalMappedField -ExternalMappedType LeadStatus -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExternalMappedFieldRequiresLookup,StageMap.Cmdlets.FieldMappings.NewFieldMappingCommand'

        (Get-FileHash $mappingFile).Hash | Should -Be $before.Hash
        Get-FieldMapping -Object Lead -OutreachField 'Stage*' | Should -BeNullOrEmpty
    }

    It 'changes one option at a time and refuses to drop the Lookup field under the Mapped field' {
        New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | Out-Null
        Set-FieldMapping -Object Lead -OutreachField Stage -DisplayName
        $before = Get-FileHash $mappingFile

        Set-FieldMapping -Object Lead -OutreachField Stage -LookupField:$false -ErrorAction SilentlyContinue -ErrorVariable refused

        $refused.FullyQualifiedErrorId | Should -Be 'ExternalMappedFieldRequiresLookup,StageMap.Cmdlets.FieldMappings.SetFieldMappingCommand'
        (Get-FileHash $mappingFile).Hash | Should -Be $before.Hash
        (Get-FieldMapping Lead Stage).Options.ToString() | Should -Be 'LookupField, ExternalMappedField, ExternalMappedType=LeadStatus, LookForName, DisplayName'
    }

    It 'says which field mapping it cannot find' {
        { Remove-FieldMapping -Object Contact -OutreachField 'Stage Name' -ErrorAction Stop } |
            Should -Throw -ErrorId 'FieldMappingNotFound,StageMap.Cmdlets.FieldMappings.RemoveFieldMappingCommand'
    }
}

Describe 'The click-path for <Experience>' -ForEach @(
    @{ Experience = 'ClassicPlugin'; Tool = 'Access the CRM Plugin.'; AddMapping = 'Click Add and map'; MappedField = 'under the Lookup field section'; Done = 'Click Done and click Save.'; Count = 37 }
    @{ Experience = 'EnhancedCrmSync'; Tool = 'Access the CRM Sync.'; AddMapping = 'Click Add mapping and map'; MappedField = 'under the Outreach field information section'; Done = 'Click Done > Save.'; Count = 36 }
) {
    BeforeAll {
        New-StageMapConfiguration -Experience $Experience | Out-Null
        foreach ($status in $statuses.Keys) { New-LeadStatusMapping -CrmStatus $status -Stage $statuses[$status] | Out-Null }
        New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | Out-Null
        New-FieldMapping -Object Contact -OutreachField 'Stage Name' -CrmField Contact_Status__c | Out-Null
        # The admin has confirmed that Outreach has the six stages (ids 1-6), so no stage step comes first.
        Get-OutreachStage | ForEach-Object { Set-OutreachStage -Name $_.Name -OutreachId $_.Id }
        $steps = @(Get-StageMapProcedure)
    }

    It 'numbers every step once, in order' {
        $steps.Count | Should -Be $Count
        $steps.Step | Should -Be (1..$Count)
    }

    It 'opens the Outreach Platform and then the tool' {
        $steps[0].Action | Should -Be 'Access the Outreach Platform.'
        $steps[1].Action | Should -Be $Tool
    }

    It 'adds each lead status mapping with its status and stage' {
        $adds = @($steps | Where-Object Action -EQ 'Click Add.')
        $adds.Count | Should -Be 4
        foreach ($add in $adds) {
            $status = $steps[$add.Step].Value
            $steps[$add.Step].Action | Should -BeLike '*LeadStatus: dropdown*'
            $steps[$add.Step + 1].Value | Should -Be $statuses[$status]
            $steps[$add.Step + 1].Action | Should -BeLike '*Outreach Stage: dropdown*'
            $steps[$add.Step + 2].Action | Should -Be 'Click Save.'
        }
        @($steps | Where-Object Action -Like '*LeadStatus: dropdown*').Value | Should -Be @($statuses.Keys)
    }

    It 'adds the Lead Stage <> Status mapping with the options the article sets' {
        $lead = @($steps | Where-Object Section -EQ 'Lead Stage <> Status field mapping')
        ($lead | Where-Object Action -Like "$AddMapping*").Value | Should -Be 'Stage <> Status'
        ($lead | Where-Object Value).Value | Should -Be 'Stage <> Status', 'Stage <> Status', 'LookupField', 'LookForName', 'ExternalMappedField', 'LeadStatus'
        ($lead | Where-Object Value -EQ 'ExternalMappedField').Action | Should -BeLike "*$MappedField."
        $lead[-1].Action | Should -Be $Done
    }

    It 'adds the Contact Stage Name <> Contact Status mapping and saves' {
        $contact = @($steps | Where-Object Section -EQ 'Contact Stage Name <> Contact Status field mapping')
        $contact[0].Action | Should -Be $Tool
        ($contact | Where-Object Action -Like "$AddMapping*").Value | Should -Be 'Stage Name <> Contact_Status__c'
        $contact[-1].Action | Should -Be 'Click Save.'
    }

    It 'prints a checklist an admin can tick off' {
        $checklist = Get-StageMapProcedure -AsMarkdown
        $items = @($checklist -split "`n" | Where-Object { $_ -like '- `[ `] *' })
        $items.Count | Should -Be $Count
        $items[5] | Should -Be '- [ ] 6. Select `Open - Not Contacted` from the LeadStatus: dropdown menu on the New Lead Status Mapping window.'
    }
}
