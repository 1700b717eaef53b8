# Record conversion as an admin scripts it: pipe a Salesforce export through the sync's conversion,
# check every lead lands in a stage, and convert whole files for Data Loader and the Outreach API.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $treeExport = Join-Path $FixturesPath 'salesforce/sf_tree_Lead__la-sfdg-data-loader-examples.json'
    $leadsCsv = Join-Path $FixturesPath 'conversion/leads-utf8-bom-crlf.csv'
}

Describe 'Converting the sample org''s leads to Outreach prospects' {
    BeforeEach {
        # The admin's saved mapping file: a copy, since importing binds the configuration to its file.
        $mappingFile = Join-Path $TestDrive 'outreach-sync-mapping.json'
        Copy-Item (Join-Path $FixturesPath 'conversion/standard-sync-mapping.json') $mappingFile -Force
        Import-StageMapConfiguration $mappingFile | Out-Null
        $leads = (Get-Content $treeExport -Raw | ConvertFrom-Json).records
    }

    It 'puts every lead of the export in the stage its status maps to' {
        $prospects = $leads | ConvertTo-OutreachProspect -Object Lead

        $prospects | Should -HaveCount 22
        ($prospects | Group-Object stageName -NoElement | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) |
            Should -Be 'Approaching=12', 'New=3', 'Replied=3', 'Unresponsive=4'
    }

    It 'gates a mapping change: every status in the export must be mapped' {
        Remove-LeadStatusMapping -CrmStatus 'Closed - Converted' | Out-Null

        $prospects = $leads | ConvertTo-OutreachProspect -Object Lead -ErrorVariable unmapped -ErrorAction SilentlyContinue

        $prospects | Should -HaveCount 19
        $unmapped | Should -HaveCount 3
        $unmapped.FullyQualifiedErrorId | ForEach-Object { $_.Split(',')[0] } | Should -Be 'UnmappedCrmStatus', 'UnmappedCrmStatus', 'UnmappedCrmStatus'
        $unmapped.TargetObject.Status | Should -Be 'Closed - Converted', 'Closed - Converted', 'Closed - Converted'
    }

    It 'gives prospects the Outreach attribute names, with arrays for emails and phones' {
        $prospect = $leads[0] | ConvertTo-OutreachProspect -Object Lead

        $prospect.firstName | Should -Be 'Kristen'
        $prospect.emails | Should -Be @('kakin@athenahome.com')
        , $prospect.workPhones | Should -BeOfType [object[]]
        $prospect.stage | Should -Be 2
        $prospect.stageName | Should -Be 'Approaching'
    }

    It 'turns a prospect back into an update of the same lead' {
        $lead = [pscustomobject]@{ Id = '00Q5g00000AbCdEEAV'; Status = 'Closed - Not Converted'; LastName = 'Akin'; Title = 'CFO' }

        $back = $lead | ConvertTo-OutreachProspect -Object Lead | ConvertTo-SalesforceRecord -Object Lead

        $back.Id | Should -Be $lead.Id
        $back.Status | Should -Be $lead.Status
        $back.Title | Should -Be 'CFO'
    }

    It 'builds Outreach API request bodies' {
        $body = $leads[0] | ConvertTo-OutreachProspect -Object Lead -As JsonApi | ConvertFrom-Json

        $body.data.type | Should -Be 'prospect'
        $body.data.relationships.stage.data.id | Should -Be 2
        $body.data.attributes.lastName | Should -Be 'Akin'
    }

    It 'leaves the mapping file as it was' {
        $before = Get-FileHash $mappingFile

        $leads | ConvertTo-OutreachProspect -Object Lead | ConvertTo-SalesforceRecord -Object Lead | Out-Null

        (Get-FileHash $mappingFile).Hash | Should -Be $before.Hash
    }
}

Describe 'Converting export files' {
    BeforeEach {
        $mappingFile = Join-Path $TestDrive 'outreach-sync-mapping.json'
        Copy-Item (Join-Path $FixturesPath 'conversion/standard-sync-mapping.json') $mappingFile -Force
        Import-StageMapConfiguration $mappingFile | Out-Null
    }

    It 'streams a Data Loader export to JSON Lines and the rows that fail to a reject file' {
        $prospects = Join-Path $TestDrive 'prospects.jsonl'
        $rejected = Join-Path $TestDrive 'rejected.csv'

        $summary = ConvertTo-OutreachProspect -Object Lead -Path $leadsCsv -OutFile $prospects -RejectFile $rejected -Force

        $summary.Read | Should -Be ($summary.Written + $summary.Rejected)
        $summary.Written | Should -Be 6
        Get-Content $prospects | Should -HaveCount 6
        (Import-Csv $rejected).errorId | Should -Be 'UnmappedCrmStatus', 'InvalidRecord'
        (Import-Csv $rejected)[0].reason | Should -Match 'Nurturing'
    }

    It 'writes #N/A where a Data Loader update must clear a field' {
        $updates = Join-Path $TestDrive 'lead-updates.csv'

        ConvertTo-SalesforceRecord -Object Lead -Path (Join-Path $FixturesPath 'conversion/prospects.jsonl') -OutFile $updates -ErrorAction SilentlyContinue | Out-Null

        $betty = Import-Csv $updates | Where-Object LastName -eq 'Bair'
        $betty.Title | Should -Be '#N/A'
        $betty.Email | Should -Be ''
    }

    It 'writes nothing when the input is broken' {
        $broken = Join-Path $TestDrive 'broken.json'
        Set-Content $broken '[{"stage":1,"lastName":"Ada"},{"stage":'
        $out = Join-Path $TestDrive 'never.jsonl'

        { ConvertTo-SalesforceRecord -Object Lead -Path $broken -OutFile $out -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRecordFile*'

        $out | Should -Not -Exist
        Get-ChildItem $TestDrive -Filter '.stagemap-*' -Force | Should -BeNullOrEmpty
    }
}
