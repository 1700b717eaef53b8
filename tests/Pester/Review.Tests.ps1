# Reviewing a mapping change as a pull-request job does, finding the records whose stage drifted, and
# writing the one-page report: the three review cmdlets used as an admin scripts them.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $sample = Join-Path $modulePath 'samples/outreach-mapping.json'
    $syncSample = Join-Path $modulePath 'samples/outreach-sync-mapping.json'
    $treeExport = Join-Path $FixturesPath 'salesforce/sf_tree_Lead__la-sfdg-data-loader-examples.json'
    $leadsCsv = Join-Path $modulePath 'samples/salesforce-leads.csv'

    function Get-ErrorId($record) { $record.FullyQualifiedErrorId.Split(',')[0] }

    function Write-Prospects([object[]] $Prospects, [string] $Path) {
        $Prospects | ForEach-Object { $_ | ConvertTo-Json -Compress -Depth 5 } | Set-Content -Path $Path
    }
}

Describe 'Compare-StageMapConfiguration on a change to the sample configuration' {
    BeforeAll {
        # main's file, and the branch's: a stage renamed, one status remapped, one option changed.
        $main = Join-Path $TestDrive 'main.json'
        $branch = Join-Path $TestDrive 'outreach-mapping.json'
        Copy-Item $sample $main
        Copy-Item $sample $branch
        Import-StageMapConfiguration -Path $branch | Out-Null
        Set-OutreachStage -Name Replied -NewName Engaged
        Set-FieldMapping -Object Lead -OutreachField Stage -DisplayName
        # The remap by hand in the file, as a pull request may carry it (no cmdlet lets a stage be mapped twice).
        $json = Get-Content $branch -Raw | ConvertFrom-Json
        ($json.leadStatusMappings | Where-Object crmStatus -EQ 'Unresponsive').stageId = 6
        $json | ConvertTo-Json -Depth 10 | Set-Content $branch
        $hashes = @((Get-FileHash $main).Hash, (Get-FileHash $branch).Hash)
    }

    AfterAll {
        @((Get-FileHash $main).Hash, (Get-FileHash $branch).Hash) | Should -Be $hashes
    }

    It 'gives exactly the three changes, from main''s text piped as git show prints it' {
        $changes = Get-Content $main | Compare-StageMapConfiguration -DifferenceConfiguration $branch

        $changes | ForEach-Object { '{0} {1} {2} | {3} | {4} | {5} -> {6}' -f $_.Change, $_.Area, $_.Object, $_.Name, $_.Property, $_.Before, $_.After } | Should -Be @(
            'Changed Stage  | Engaged | Name | Replied -> Engaged'
            'Changed LeadStatusMapping Lead | Unresponsive | Stage | Unresponsive -> Bad Data'
            'Changed FieldMapping Lead | Stage <> Status | DisplayName | False -> True'
        )
        $changes[0].PSObject.TypeNames[0] | Should -Be 'StageMap.Engine.Review.ConfigurationChange'
    }

    It 'writes a review comment that names the Outreach UI steps to redo' {
        $review = Get-Content $main | Compare-StageMapConfiguration -DifferenceConfiguration $branch -AsMarkdown

        $review | Should -HaveCount 1
        $review | Should -Match '(?m)^### Stages$'
        $review | Should -Match '(?m)^### Lead status mappings$'
        $review | Should -Match '(?m)^### Field mappings$'
        $review | Should -Match '\*\*Added by this change\*\*'
        $review | Should -Match 'SM001 Error: Stage ''Bad Data'' is mapped by 2 lead statuses'
        $review | Should -Match '### Redo in the Outreach UI \(Classic Plugin\)'
        $review | Should -Match '- \[ \] \d+\. Select `Unresponsive` from the LeadStatus: dropdown menu'
        $review | Should -Match '- \[ \] \d+\. Select `Bad Data` from the Outreach Stage: dropdown menu'
        $review | Should -Match '- \[ \] \d+\. Check "Display Name instead of Record ID"'
        $review | Should -Not -Match 'Select `New` from the LeadStatus'
    }

    It 'says nothing for identical configurations, and -Quiet says whether they differ' {
        Compare-StageMapConfiguration -ReferenceConfiguration $main -DifferenceConfiguration $main | Should -BeNullOrEmpty
        Compare-StageMapConfiguration $main $main -AsMarkdown | Should -BeNullOrEmpty
        Compare-StageMapConfiguration $main $main -Quiet | Should -BeFalse
        Compare-StageMapConfiguration $main $branch -Quiet | Should -BeTrue
    }

    It 'takes configuration objects, and the current configuration as the difference' {
        $reference = Import-StageMapConfiguration -Path $main
        Import-StageMapConfiguration -Path $branch | Out-Null

        (Compare-StageMapConfiguration -ReferenceConfiguration $reference).Count | Should -Be 3
        (Get-Item $main | Compare-StageMapConfiguration -DifferenceConfiguration $reference) | Should -BeNullOrEmpty
    }

    It 'refuses what is not a configuration with a clear error' {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content $bad "{ `"schemaVersion`": 2, `"stages`": [ oops ] }"

        { '{ "schemaVersion": 2,', '  "stages": [ oops ]', '}' | Compare-StageMapConfiguration -DifferenceConfiguration $main -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidConfigurationFile,StageMap.Cmdlets.Review.CompareStageMapConfigurationCommand' -ExpectedMessage '*line 2*'
        { Compare-StageMapConfiguration $bad $main -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidConfigurationFile*'
        { Compare-StageMapConfiguration (Join-Path $TestDrive 'none.json') $main -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigurationFileNotFound*'
        { Compare-StageMapConfiguration 42 $main -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidConfigurationInput*'
    }
}

Describe 'Find-StageDrift on the sample leads' {
    BeforeAll {
        Copy-Item $syncSample (Join-Path $TestDrive 'sync.json')
        Import-StageMapConfiguration -Path (Join-Path $TestDrive 'sync.json') | Out-Null
        $leads = (Get-Content $treeExport -Raw | ConvertFrom-Json).records
        $prospects = $leads | ConvertTo-OutreachProspect -Object Lead
        # Three prospects moved by hand to a stage their status does not map to.
        $moved = $prospects[1, 5, 9]
        $moved | ForEach-Object { $_.stage = 5 }
        $prospectsFile = Join-Path $TestDrive 'prospects.jsonl'
        Write-Prospects $prospects $prospectsFile
    }

    It 'reports exactly the three moved prospects, with reason "mapped to another stage"' {
        # The tree export carries no record ids: join by e-mail (the prospect's primary one).
        $found = Find-StageDrift -Object Lead -CrmPath $treeExport -OutreachPath $prospectsFile -CrmKey Email -OutreachKey emails

        $found | Should -HaveCount 3
        $found.Kind | Should -Be Drift, Drift, Drift
        $found.Reason | Should -Be MappedToAnotherStage, MappedToAnotherStage, MappedToAnotherStage
        $found.Name | Should -Be ($moved | ForEach-Object { "$($_.firstName) $($_.lastName)" })
        $found.Id | Should -Be ($moved | ForEach-Object { $_.emails[0] })
        $found.ActualStage | Should -Be 'Do Not Contact', 'Do Not Contact', 'Do Not Contact'
        $found.ExpectedStage | Should -Be ($moved | ForEach-Object { $_.stageName })
        $found.NextPull | Should -Be ($moved | ForEach-Object { "stage '$($_.stageName)'" })
    }

    It 'counts add up: pairs + CRM only + Outreach only = input rows' {
        $summary = Find-StageDrift -Object Lead -CrmPath $treeExport -OutreachPath $prospectsFile -CrmKey Email -OutreachKey emails -Summary

        $summary.CrmRead | Should -Be $leads.Count
        $summary.OutreachRead | Should -Be $prospects.Count
        $summary.Pairs + $summary.CrmOnly + $summary.CrmDuplicates | Should -Be $summary.CrmRead
        $summary.Pairs + $summary.OutreachOnly + $summary.OutreachDuplicates | Should -Be $summary.OutreachRead
        ($summary.Drifted, $summary.Matching) | Should -Be 3, 19
        ($summary.CrossTab | Where-Object Drifted | Measure-Object Drifted -Sum).Sum | Should -Be 3
        ($summary.CrossTab | Measure-Object Count -Sum).Sum | Should -Be $summary.Pairs
    }

    It 'joins by record id by default, reports each side''s strays, and writes -OutFile with the summary' {
        $converted = Join-Path $TestDrive 'by-id.jsonl'
        ConvertTo-OutreachProspect -Object Lead -Path $leadsCsv -OutFile $converted | Out-Null
        $lines = Get-Content $converted
        # Two prospects missing, one Outreach has that the CRM does not; ids written in their 15-character form.
        $kept = $lines | Select-Object -Skip 2 | ForEach-Object { $_ -replace '"salesforceId":"(\w{15})\w{3}"', '"salesforceId":"$1"' }
        Set-Content $converted ($kept + '{"salesforceId":"00Q5g00000Zz999","lastName":"Stray","stage":1}')
        $out = Join-Path $TestDrive 'drift.csv'

        $summary = Find-StageDrift -Object Lead -CrmPath $leadsCsv -OutreachPath $converted -OutFile $out

        $summary.PSObject.TypeNames[0] | Should -Be 'StageMap.Engine.Drift.DriftSummary'
        ($summary.CrmRead, $summary.OutreachRead, $summary.Pairs, $summary.CrmOnly, $summary.OutreachOnly, $summary.Drifted) | Should -Be 22, 21, 20, 2, 1, 0
        $rows = Import-Csv $out
        ($rows | Sort-Object kind).kind | Should -Be CrmOnly, CrmOnly, OutreachOnly
        ($rows | Where-Object kind -EQ OutreachOnly).name | Should -Be 'Stray'
    }

    It 'reads Outreach JSON:API prospect documents' {
        $documents = Join-Path $TestDrive 'documents.jsonl'
        ConvertTo-OutreachProspect -Object Lead -Path $leadsCsv -OutFile $documents -As JsonApi | Out-Null

        $summary = Find-StageDrift Lead $leadsCsv $documents -Summary

        ($summary.Pairs, $summary.Drifted, $summary.CrmOnly, $summary.OutreachOnly) | Should -Be 22, 0, 0, 0
    }

    It 'refuses to replace an -OutFile without -Force, and -WhatIf writes nothing' {
        $out = Join-Path $TestDrive 'kept.jsonl'
        Set-Content $out 'keep me'

        { Find-StageDrift Lead $treeExport $prospectsFile -CrmKey Email -OutreachKey emails -OutFile $out -ErrorAction Stop } | Should -Throw -ErrorId 'OutputFileExists*'
        Get-Content $out | Should -Be 'keep me'
        Find-StageDrift Lead $treeExport $prospectsFile -CrmKey Email -OutreachKey emails -OutFile (Join-Path $TestDrive 'new.jsonl') -WhatIf | Should -BeNullOrEmpty
        Join-Path $TestDrive 'new.jsonl' | Should -Not -Exist
    }

    It 'says what is wrong with a configuration that has no Stage mapping, or a missing file' {
        Remove-FieldMapping -Object Lead -OutreachField Stage -Configuration ($noStage = Import-StageMapConfiguration (Copy-Item $syncSample (Join-Path $TestDrive 'nostage.json') -PassThru).FullName)

        { Find-StageDrift Lead $treeExport $prospectsFile -Configuration $noStage -ErrorAction Stop } | Should -Throw -ErrorId 'NoStageMapping*'
        Find-StageDrift Lead (Join-Path $TestDrive 'none.csv') $prospectsFile -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        Get-ErrorId $missing[0] | Should -Be 'PathNotFound'
    }
}

Describe 'Export-StageMapReport' {
    BeforeAll {
        Copy-Item $syncSample (Join-Path $TestDrive 'sync.json')
        Import-StageMapConfiguration -Path (Join-Path $TestDrive 'sync.json') | Out-Null
    }

    It 'writes one page with the drift section when record files are given' {
        $page = Join-Path $TestDrive 'report.html'
        $prospects = Join-Path $TestDrive 'report-prospects.jsonl'
        ConvertTo-OutreachProspect -Object Lead -Path $leadsCsv -OutFile $prospects | Out-Null

        $file = Export-StageMapReport -Path $page -CrmPath $leadsCsv -OutreachPath $prospects -PassThru

        $file.FullName | Should -Be $page
        $html = Get-Content $page -Raw
        $html | Should -Match '<section id="drift">'
        $html | Should -Match '0 of 22 joined leads'
        ([regex]::Matches($html, '<path class="mapping')).Count | Should -Be (Get-LeadStatusMapping).Count
    }

    It '-PassThru emits the file with its normal view, as Get-Item shows it' {
        $page = Join-Path $TestDrive 'shown.html'
        $shown = Export-StageMapReport -Path $page -PassThru | Out-String
        $shown | Should -Be (Get-Item $page | Out-String)
        $shown | Should -Match "shown\.html"
        $shown | Should -Match ([regex]::Escape("Directory: $TestDrive"))
        $shown | Should -Match "\s$((Get-Item $page).Length)\s+shown\.html"
        (Export-StageMapConfiguration -Path (Join-Path $TestDrive 'copy.json') -PassThru | Out-String) | Should -Be (Get-Item (Join-Path $TestDrive 'copy.json') | Out-String)
    }

    It 'refuses to overwrite without -Force, and -WhatIf writes nothing' {
        $page = Join-Path $TestDrive 'kept.html'
        Set-Content $page 'keep me'

        { Export-StageMapReport -Path $page -ErrorAction Stop } | Should -Throw -ErrorId 'OutputFileExists*'
        Get-Content $page | Should -Be 'keep me'
        Export-StageMapReport -Path $page -Force
        Get-Content $page -Raw | Should -Match '^<!DOCTYPE html>'
        Export-StageMapReport -Path (Join-Path $TestDrive 'whatif.html') -WhatIf
        Join-Path $TestDrive 'whatif.html' | Should -Not -Exist
    }

    It 'wants both record files or neither' {
        { Export-StageMapReport -Path (Join-Path $TestDrive 'half.html') -CrmPath $leadsCsv -ErrorAction Stop } | Should -Throw -ErrorId 'RecordFilesGoTogether*'
    }
}
