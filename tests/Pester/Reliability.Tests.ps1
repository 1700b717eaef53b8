# What an admin relies on when a mapping file is shared, kept private or reached through a link,
# and a sheet that swaps two stages.
Describe 'Saving a shared mapping file' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestModule.ps1')
    }

    BeforeEach {
        $script:mappingFile = Join-Path $TestDrive "mapping-$([guid]::NewGuid().ToString('N')).json"
        New-StageMapConfiguration -Path $mappingFile | Out-Null
        New-LeadStatusMapping 'Open - Not Contacted' New | Out-Null
        New-LeadStatusMapping 'Working - Contacted' Approaching | Out-Null
    }

    It 'swaps New and Approaching with one sheet piped into Set-LeadStatusMapping' {
        $sheet = Join-Path $TestDrive 'swap.csv'
        @('CrmStatus,Stage', '"Open - Not Contacted",Approaching', '"Working - Contacted",New') | Set-Content -LiteralPath $sheet

        Import-Csv -LiteralPath $sheet | Set-LeadStatusMapping -ErrorVariable failed

        $failed | Should -BeNullOrEmpty
        Import-StageMapConfiguration -Path $mappingFile | Out-Null
        Get-LeadStatusMapping | ForEach-Object { "$($_.CrmStatus)>$($_.Stage)" } | Should -Be @('Open - Not Contacted>Approaching', 'Working - Contacted>New')
    }

    It 'refuses a save when another session saved first, and emits nothing for it' {
        $mine = Get-StageMapConfiguration
        $theirs = Import-StageMapConfiguration -Path $mappingFile
        New-OutreachStage -Name Nurture -Configuration $theirs | Out-Null

        $script:emitted = @()
        { New-OutreachStage -Name Qualified -Configuration $mine | ForEach-Object { $script:emitted += $_ } } | Should -Throw -ErrorId 'ConfigurationChangedOnDisk,*'

        $script:emitted | Should -BeNullOrEmpty
        (Get-OutreachStage -Configuration (Import-StageMapConfiguration -Path $mappingFile)).Name | Should -Contain 'Nurture'
        Get-OutreachStage -Name Qualified -Configuration $mine -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'keeps a chmod 600 file private' -Skip:$IsWindows {
        chmod 600 $mappingFile
        Import-StageMapConfiguration -Path $mappingFile | Out-Null

        New-OutreachStage -Name Nurture | Out-Null

        (Get-Item -LiteralPath $mappingFile).UnixMode | Should -Be '-rw-------'
    }

    It 'saves through a symbolic link and leaves the link a link' -Skip:$IsWindows {
        $link = Join-Path $TestDrive 'linked.json'
        New-Item -ItemType SymbolicLink -Path $link -Target $mappingFile | Out-Null
        Import-StageMapConfiguration -Path $link | Out-Null

        New-OutreachStage -Name Nurture | Out-Null

        (Get-Item -LiteralPath $link).LinkType | Should -Be 'SymbolicLink'
        (Get-OutreachStage -Name Nurture -Configuration (Import-StageMapConfiguration -Path $mappingFile)).Name | Should -Be 'Nurture'
    }
}
