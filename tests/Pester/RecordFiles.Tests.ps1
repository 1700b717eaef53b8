# Record files as they arrive from spreadsheets: an admin converts a CSV Excel saved in windows-1252,
# gets told about formula cells before opening the output in Excel, and gets a clear error for a
# file that cannot be read.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
}

Describe 'Converting a CSV that Excel saved' {
    BeforeEach {
        $mappingFile = Join-Path $TestDrive 'outreach-sync-mapping.json'
        Copy-Item (Join-Path $FixturesPath 'conversion/standard-sync-mapping.json') $mappingFile -Force
        Import-StageMapConfiguration $mappingFile | Out-Null

        # Excel on Western Windows saves "CSV (Comma delimited)" in windows-1252: ë is the one byte 0xEB.
        $excelCsv = Join-Path $TestDrive 'leads-from-excel.csv'
        $text = "Id,LastName,Title,Status`r`n00Q5g00000AbC11EAA,Zoë,""=HYPERLINK(""""http://example.test"""")"",Working - Contacted`r`n"
        [System.IO.File]::WriteAllBytes($excelCsv, [System.Text.Encoding]::GetEncoding(1252).GetBytes($text))
        $prospects = Join-Path $TestDrive 'prospects.csv'
        Remove-Item $prospects -ErrorAction Ignore
    }

    It 'stops at the first byte that is not UTF-8 and says to name the encoding' {
        { ConvertTo-OutreachProspect -Object Lead -Path $excelCsv -OutFile $prospects -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidRecordFile*' -ExpectedMessage '*byte offset 47*-Encoding windows-1252*'

        $prospects | Should -Not -Exist
    }

    It 'converts it with -Encoding windows-1252 and warns of the formula cell' {
        $summary = ConvertTo-OutreachProspect -Object Lead -Path $excelCsv -Encoding windows-1252 -OutFile $prospects -WarningVariable warnings -WarningAction SilentlyContinue

        $summary.Written | Should -Be 1
        (Import-Csv $prospects).lastName | Should -Be 'Zoë'
        # The sheet lacks most mapped columns, so the command warns of those too, one warning each.
        $formulaWarnings = @($warnings | Where-Object { "$_" -like '*as formulas*' })
        $formulaWarnings | Should -HaveCount 1
        "$($formulaWarnings[0])" | Should -BeLike "*1 cell(s) starting with =*row 2, column 'title'*-EscapeFormula*"
    }

    It 'escapes the formula cell with -EscapeFormula' {
        ConvertTo-OutreachProspect -Object Lead -Path $excelCsv -Encoding 1252 -OutFile $prospects -EscapeFormula -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        $warnings | Where-Object { "$_" -like '*as formulas*' } | Should -BeNullOrEmpty
        (Import-Csv $prospects).title | Should -Be "'=HYPERLINK(""http://example.test"")"
    }

    It 'completes the encoding names' {
        $line = 'ConvertTo-OutreachProspect -Object Lead -Path x.csv -OutFile y.csv -Encoding wind'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'windows-1252'
    }

    It 'refuses a header with an empty cell, naming the column' {
        $bad = Join-Path $TestDrive 'bad-header.csv'
        Set-Content $bad "Id,,Status`n00Q5g00000AbC11EAA,x,Working - Contacted"

        $failure = { ConvertTo-OutreachProspect -Object Lead -Path $bad -OutFile $prospects -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRecordFile*' -PassThru

        $failure.Exception.GetType().FullName | Should -Be 'StageMap.Engine.StageMapException'
        $failure.Exception.Message | Should -BeLike '*line 1: column 2 of the CSV header is empty*'
    }
}
