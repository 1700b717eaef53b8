# The stages come first: a stage that exists only in the configuration cannot be selected from
# Outreach's Outreach Stage: dropdown. The procedure tells the admin to make it in Outreach, and the
# admin records that it is there (Set-OutreachStage -OutreachId, or Import-OutreachStage -Merge).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $leadStatusXml = Join-Path $FixturesPath 'salesforce/sfdx_LeadStatus.standardValueSet-meta__stagemap.xml'
    $outreachStages = Join-Path $FixturesPath 'outreach/outreach_api_stages__stagemap.json'
}

Describe 'A new configuration, before and after Outreach''s stage list is merged' {
    It 'checks the six default stages first, and no longer once Import-OutreachStage -Merge confirms them' {
        New-StageMapConfiguration | Out-Null
        $checks = Get-StageMapProcedure | Where-Object Action -Like 'Check that Outreach has the stage*'
        $checks.Value | Should -Be 'New', 'Approaching', 'Replied', 'Unresponsive', 'Do Not Contact', 'Bad Data'
        $checks[0].Step | Should -Be 3

        Import-OutreachStage -Path $outreachStages -Merge | Out-Null

        Get-StageMapProcedure | Where-Object { $_.Section -eq 'Outreach stages' -and $_.Value -in 'New', 'Bad Data' } | Should -BeNullOrEmpty
    }
}

Describe 'Stages the admin has not made in Outreach yet' {
    BeforeEach {
        $mappingFile = Join-Path $TestDrive 'outreach-mapping.json'
        New-StageMapConfiguration -Path $mappingFile -Force -Confirm:$false | Out-Null
        Import-OutreachStage -Path $outreachStages -Force -Confirm:$false -WarningAction SilentlyContinue | Out-Null
        Import-CrmMetadata -Path $leadStatusXml | Out-Null
        New-LeadStatusMapping -FromCrm -CreateMissingStages -WarningAction SilentlyContinue | Out-Null
    }

    It 'creates each new stage in Outreach before any mapping selects it' {
        $steps = Get-StageMapProcedure
        $created = $steps | Where-Object { $_.Section -eq 'Outreach stages' -and $_.Action -like 'Create the stage*' }
        $firstMapping = $steps | Where-Object Section -EQ 'Lead Status mappings' | Select-Object -First 1

        $created.Value | Should -Be (Get-OutreachStage | Where-Object { -not $_.IsInOutreach }).Name
        $created | ForEach-Object { $_.Step | Should -BeLessThan $firstMapping.Step }
    }

    It 'leaves a stage out once the admin records its Outreach id, and the file keeps it' {
        $open = (Get-StageMapProcedure | Where-Object Value -EQ 'Open - Not Contacted' | Select-Object -First 1)
        $open.Section | Should -Be 'Outreach stages'

        Set-OutreachStage -Name 'Open - Not Contacted' -OutreachId 40

        Get-StageMapProcedure | Where-Object { $_.Section -eq 'Outreach stages' -and $_.Value -eq 'Open - Not Contacted' } | Should -BeNullOrEmpty
        $saved = Import-StageMapConfiguration $mappingFile
        (Get-OutreachStage -Name 'Open - Not Contacted' -Configuration $saved).Id | Should -Be 40
        (Get-LeadStatusMapping -CrmStatus 'Open - Not Contacted' -Configuration $saved).StageId | Should -Be 40
    }

    It 'asks for a rename in Outreach after Set-OutreachStage -NewName on a stage Outreach has' {
        Set-OutreachStage -Name Approaching -NewName Working

        (Get-StageMapProcedure | Where-Object Value -EQ 'Working' | Select-Object -First 1).Action |
            Should -Be "Rename the stage 'Approaching' (Outreach id 2) to 'Working'."
    }

    It 'completes the Outreach id of a stage Outreach has, and none for a local one' {
        $line = 'Set-OutreachStage -Name Approaching -OutreachId '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be '2'
        $line = "Set-OutreachStage -Name 'Open - Not Contacted' -OutreachId "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
    }

    It 'completes the name of the stage to confirm' {
        $completions = TabExpansion2 -inputScript 'Set-OutreachStage -Name Open' -cursorColumn 28
        $completions.CompletionMatches.CompletionText | Should -Contain "'Open - Not Contacted'"
    }
}
