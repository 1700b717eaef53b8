# An admin's setup script, re-run as admins re-run them: the second run opens the file instead
# of wiping it, a sheet with the headers people use binds, and a forced reset in a script does not prompt.
Describe 'A setup script run twice' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestModule.ps1')
        $script:mappingFile = Join-Path $TestDrive 'outreach-mapping.json'
        $script:sheet = Join-Path $TestDrive 'sheet.csv'
        @(
            '"Lead Status","Outreach Stage"'
            '"Open - Not Contacted",New'
            '"Working - Contacted",Approaching'
        ) | Set-Content -LiteralPath $sheet
        $script:setup = {
            try {
                New-StageMapConfiguration -Path $mappingFile -ErrorAction Stop | Out-Null
                Import-Csv -LiteralPath $sheet | New-LeadStatusMapping | Out-Null
            } catch {
                if ($_.FullyQualifiedErrorId -notlike 'ConfigurationFileExists,*') { throw }
                Import-StageMapConfiguration -Path $mappingFile | Out-Null
            }
        }
    }

    It 'maps the sheet with Lead Status and Outreach Stage columns on the first run' {
        & $setup
        Get-LeadStatusMapping | ForEach-Object { "$($_.CrmStatus)>$($_.Stage)" } | Should -Be @('Open - Not Contacted>New', 'Working - Contacted>Approaching')
    }

    It 'opens the file on the second run, as ConfigurationFileExists suggests, and keeps the mappings' {
        $before = Get-FileHash -LiteralPath $mappingFile
        { New-StageMapConfiguration -Path $mappingFile -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigurationFileExists*' -ExpectedMessage "*Import-StageMapConfiguration -Path '$mappingFile'*"
        & $setup
        (Get-LeadStatusMapping).Count | Should -Be 2
        (Get-FileHash -LiteralPath $mappingFile).Hash | Should -Be $before.Hash
    }

    It 'resets with -Force -Confirm:$false without a prompt' {
        # Pester runs without a console to answer prompts: a prompt here would fail the command.
        New-StageMapConfiguration -Path $mappingFile -Force -Confirm:$false | Out-Null
        (Import-StageMapConfiguration -Path $mappingFile).LeadStatusMappings.Count | Should -Be 0
    }

    It 'removes a mapped stage in a script with -Force -Confirm:$false and warns about its mapping' {
        New-LeadStatusMapping -CrmStatus 'Working - Contacted' -Stage Approaching | Out-Null
        Remove-OutreachStage -Name Approaching -Force -Confirm:$false -WarningVariable dropped -WarningAction SilentlyContinue
        $dropped.Message | Should -Be "The mapping of lead status 'Working - Contacted' to stage 'Approaching' was removed: stage 'Approaching' was removed."
        Get-LeadStatusMapping -CrmStatus 'Working*' | Should -BeNullOrEmpty
    }
}
