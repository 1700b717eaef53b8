# The reliability probe, as an admin meets it: every hostile file is a StageMap error whose
# message names the position, never a .NET exception, and the bound configuration file is left
# byte for byte as it was.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')

    function Write-Bytes([string] $Name, [byte[]] $Bytes) {
        $path = Join-Path $TestDrive $Name
        [System.IO.File]::WriteAllBytes($path, $Bytes)
        $path
    }

    function Write-Text([string] $Name, [string] $Text) {
        Write-Bytes $Name ([System.Text.UTF8Encoding]::new($false).GetBytes($Text))
    }

    # Runs a failing command; returns its one error record (a non-terminating error, as the cmdlet writes it).
    function Get-Failure([scriptblock] $Command) {
        $ErrorActionPreference = 'Continue'
        $failed = @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $failed | Should -HaveCount 1
        # By name: the engine's types live in StageMap's own load context, which PowerShell's [type] look-up does not search.
        $failed[0].Exception.GetType().FullName | Should -Be 'StageMap.Engine.StageMapException'
        $failed[0]
    }
}

Describe 'Reading hostile files' {
    BeforeEach {
        $mappingFile = Join-Path $TestDrive 'outreach-mapping.json'
        New-StageMapConfiguration -Path $mappingFile -Force -Confirm:$false | Out-Null
        New-LeadStatusMapping -CrmStatus 'Open - Not Contacted' -Stage 'New' | Out-Null
        $before = [System.IO.File]::ReadAllBytes($mappingFile)
    }

    AfterEach {
        [System.IO.File]::ReadAllBytes($mappingFile) | Should -Be $before
        (Get-StageMapConfiguration).Path | Should -Be $mappingFile
        (Get-LeadStatusMapping).CrmStatus | Should -Be 'Open - Not Contacted'
    }

    Context 'Import-StageMapConfiguration' {
        It 'refuses <Case> with InvalidConfigurationFile at its position' -ForEach @(
            @{ Case = 'a null stage'; Json = "{`n  `"schemaVersion`": 1,`n  `"stages`": [ null ]`n}"; Expected = '*line 3, position *: stages`[0`] cannot be null*' }
            @{ Case = 'null stages'; Json = "{`n  `"schemaVersion`": 1,`n  `"stages`": null`n}"; Expected = '*line 3, position *: stages cannot be null*' }
            @{ Case = 'a schemaVersion beyond Int32'; Json = '{ "schemaVersion": 99999999999999999999 }'; Expected = '*line 1, position *: schemaVersion must be a whole number*' }
            @{ Case = 'a stage id beyond Int32'; Json = "{`n `"schemaVersion`": 1,`n `"stages`": [ { `"id`": 4294967296, `"name`": `"New`", `"order`": 1 } ] }"; Expected = '*line 3, position *: stages`[0`].id must be a whole number from -2147483648 to 2147483647, not 4294967296*' }
            @{ Case = 'a stage id of 6.6'; Json = "{`n `"schemaVersion`": 1,`n `"stages`": [ { `"id`": 6.6, `"name`": `"New`", `"order`": 1 } ] }"; Expected = '*line 3, position *: stages`[0`].id must be a whole number, not the number 6.6*' }
            @{ Case = 'a text where a number belongs'; Json = "{`n `"schemaVersion`": 1,`n `"leadStatusMappings`": [ { `"crmStatus`": `"Open`", `"stageId`": `"one`" } ] }"; Expected = "*line 3, position *: leadStatusMappings``[0``].stageId must be a whole number, not the text 'one'*" }
            @{ Case = 'a duplicate key'; Json = '{ "schemaVersion": 1, "stages": [], "Stages": [] }'; Expected = "*line 1, position *: the property 'Stages' appears twice*" }
            @{ Case = 'two stages with one id'; Json = "{ `"schemaVersion`": 1, `"stages`": [`n{ `"id`": 1, `"name`": `"New`", `"order`": 1 },`n{ `"id`": 1, `"name`": `"Old`", `"order`": 2 } ] }"; Expected = '*line 3, position 1: two stages have id 1*' }
            @{ Case = 'a 256-character stage name'; Json = "{ `"schemaVersion`": 1, `"stages`": [ { `"id`": 1, `"name`": `"$('x' * 256)`", `"order`": 1 } ] }"; Expected = '*line 1, position *: stages`[0`].name is 256 characters long*' }
        ) {
            $file = Write-Text 'broken.json' $Json
            $bytes = [System.IO.File]::ReadAllBytes($file)

            $failure = Get-Failure { Import-StageMapConfiguration -Path $file }

            $failure.FullyQualifiedErrorId | Should -Be 'InvalidConfigurationFile,StageMap.Cmdlets.Configuration.ImportStageMapConfigurationCommand'
            $failure.CategoryInfo.Category | Should -Be 'InvalidData'
            $failure.TargetObject | Should -Be $file
            $failure.Exception.Message | Should -BeLike "'$file' is not a valid StageMap configuration file: *"
            $failure.Exception.Message | Should -BeLike $Expected
            [System.IO.File]::ReadAllBytes($file) | Should -Be $bytes
        }

        It 'says an empty or white-space-only file is empty' -ForEach @(@{ Text = '' }, @{ Text = "  `r`n`t " }) {
            $file = Write-Text 'empty.json' $Text

            $failure = Get-Failure { Import-StageMapConfiguration -Path $file }

            $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidConfigurationFile,*'
            $failure.Exception.Message | Should -BeLike "'$file' is empty*"
        }

        It 'refuses a 200 MB file unread' {
            $file = Join-Path $TestDrive 'huge.json'
            $stream = [System.IO.File]::Create($file)
            try { $stream.SetLength(200MB) } finally { $stream.Dispose() }

            $failure = Get-Failure { Import-StageMapConfiguration -Path $file }

            $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidConfigurationFile,*'
            $failure.Exception.Message | Should -BeLike '*the file is 209,715,200 bytes; StageMap reads configuration, metadata and stage files of at most 16 MiB*'
        }

        It 'refuses bytes that are not UTF-8, naming their offset, instead of reading U+FFFD' {
            $head = [System.Text.Encoding]::UTF8.GetBytes('{ "schemaVersion": 1, "stages": [ { "id": 3, "name": "R')
            $file = Write-Bytes 'latin1.json' ($head + [byte[]](0xE9, 0xFF) + [System.Text.Encoding]::UTF8.GetBytes('eplied", "order": 1 } ] }'))

            $failure = Get-Failure { Import-StageMapConfiguration -Path $file }

            $failure.Exception.Message | Should -BeLike "*byte offset $($head.Length): the byte 0xE9 is not valid UTF-8*"
        }
    }

    Context 'Import-CrmMetadata' {
        It 'refuses <Case> with InvalidMetadataFile at its position' -ForEach @(
            @{ Case = 'a huge SortOrder'; Name = 'LeadStatus.json'; Text = "{`"totalSize`":1,`"done`":true,`"records`":[`n{`"attributes`":{`"type`":`"LeadStatus`"},`"ApiName`":`"Open`",`"SortOrder`":123456789012345678901234567890}]}"; Expected = '*line 2, position *: SortOrder must be a whole number from*' }
            @{ Case = 'a duplicate CSV header'; Name = 'LeadStatus.csv'; Text = "ApiName,MasterLabel,APINAME`r`nOpen,Open,Open`r`n"; Expected = '*line 1: the column APINAME appears twice*' }
            @{ Case = 'a 256-character label'; Name = 'LeadStatus.csv'; Text = "ApiName,MasterLabel`r`nOpen,$('l' * 256)`r`n"; Expected = '*line 2, field 2 (MasterLabel): the value is 256 characters long*' }
        ) {
            $file = Write-Text $Name $Text

            $failure = Get-Failure { Import-CrmMetadata -Path $file }

            $failure.FullyQualifiedErrorId | Should -Be 'InvalidMetadataFile,StageMap.Cmdlets.CrmMetadata.ImportCrmMetadataCommand'
            $failure.Exception.Message | Should -BeLike $Expected
            Get-CrmStatus | Should -BeNullOrEmpty
        }

        It 'refuses a Windows-1252 CSV, naming the byte offset' {
            $text = "ApiName,MasterLabel`r`nOpen,Zo$([char]0xEB)`r`n"
            $file = Write-Bytes 'LeadStatus.csv' ([System.Text.Encoding]::GetEncoding(1252).GetBytes($text))

            $failure = Get-Failure { Import-CrmMetadata -Path $file }

            $failure.Exception.Message | Should -BeLike "*byte offset $($text.IndexOf([char]0xEB)): the byte 0xEB is not valid UTF-8*"
        }
    }

    Context 'Import-OutreachStage' {
        It 'refuses <Case>' -ForEach @(
            @{ Case = 'a huge id'; Text = '{"data":[{"type":"stage","id":123456789012345678901234567890,"attributes":{"name":"New"}}]}'; Expected = '*line 1, position *: id must be a whole number from*' }
            @{ Case = 'an id of 6.6'; Text = '[{"id":6.6,"name":"New"}]'; Expected = '*line 1, position *: id must be a whole number, not the number 6.6*' }
            @{ Case = 'a 256-character name'; Text = "[{`"id`":1,`"name`":`"$('n' * 256)`"}]"; Expected = '*line 1, position *: the name of a stage is 256 characters long*' }
            @{ Case = 'a name with a control character'; Text = '[{"id":1,"name":"Re\u0007plied"}]'; Expected = '*line 1, position *: the name of a stage*contains the control character U+0007*' }
        ) {
            $file = Write-Text 'stages.json' $Text

            $failure = Get-Failure { Import-OutreachStage -Path $file -Force }

            $failure.FullyQualifiedErrorId | Should -Be 'InvalidMetadataFile,StageMap.Cmdlets.Stages.ImportOutreachStageCommand'
            $failure.Exception.Message | Should -BeLike $Expected
            (Get-OutreachStage).Count | Should -Be 6
        }

        It 'refuses a stage file that is not UTF-8 instead of loading a replacement character' {
            $head = [System.Text.Encoding]::UTF8.GetBytes('[{"id":1,"name":"New"},{"id":3,"name":"R')
            $file = Write-Bytes 'stages.json' ($head + [byte[]](0xC3, 0x28) + [System.Text.Encoding]::UTF8.GetBytes('eplied"}]'))

            $failure = Get-Failure { Import-OutreachStage -Path $file -Force }

            $failure.Exception.Message | Should -BeLike "*byte offset $($head.Length): the byte 0xC3 is not valid UTF-8*"
            Get-OutreachStage | Where-Object Name -Like "R*eplied" | Select-Object -ExpandProperty Name | Should -Be 'Replied'
        }

        It 'refuses a stage list with a 50 MB name unread' {
            $file = Join-Path $TestDrive 'huge.json'
            $stream = [System.IO.File]::Create($file)
            try { $stream.SetLength(50MB) } finally { $stream.Dispose() }

            $failure = Get-Failure { Import-OutreachStage -Path $file -Force }

            $failure.Exception.Message | Should -BeLike '*StageMap reads configuration, metadata and stage files of at most 16 MiB*'
        }
    }

    Context 'Names typed at a cmdlet' {
        It 'refuses a stage name the readers would refuse, so a saved file always reads back' {
            $failure = Get-Failure { New-OutreachStage -Name ('n' * 256) }

            $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidStageName,*'
            $failure.Exception.Message | Should -BeLike '*256 characters long*'
        }
    }
}

Describe 'Reading files in other encodings' {
    BeforeEach {
        $mappingFile = Join-Path $TestDrive 'outreach-mapping.json'
        New-StageMapConfiguration -Path $mappingFile -Force -Confirm:$false | Out-Null
    }

    It 'reads an ISO-8859-1 SFDX field by its declared encoding' {
        $xml = "<?xml version=`"1.0`" encoding=`"ISO-8859-1`"?>`n<CustomField xmlns=`"http://soap.sforce.com/2006/04/metadata`">`n<fullName>Contact_Status__c</fullName>`n<valueSet><valueSetDefinition>`n<value><fullName>Zo$([char]0xE9)</fullName><label>Zo$([char]0xE9)</label></value>`n</valueSetDefinition></valueSet>`n</CustomField>"
        $file = Write-Bytes 'Contact_Status__c.field-meta.xml' ([System.Text.Encoding]::Latin1.GetBytes($xml))

        Import-CrmMetadata -Path $file

        (Get-CrmStatus -Object Contact).ApiName | Should -Be "Zo$([char]0xE9)"
    }

    It 'reads a UTF-16 configuration with a byte order mark' {
        $utf16 = Join-Path $TestDrive 'utf16.json'
        $text = [System.IO.File]::ReadAllText($mappingFile)
        [System.IO.File]::WriteAllText($utf16, $text, [System.Text.UnicodeEncoding]::new($false, $true))

        (Import-StageMapConfiguration -Path $utf16).Stages.Count | Should -Be 6
    }
}
