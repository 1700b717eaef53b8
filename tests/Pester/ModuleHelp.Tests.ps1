# Every exported cmdlet ships with real help and an output type (after PSScriptAnalyzer's
# ModuleHelp.Tests.ps1 and platyPS's Cmdlet.Tests.ps1). A new cmdlet without them fails here.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    # Cmdlets that change no configuration and write no file need no -WhatIf (Connect-/Disconnect- change only the session).
    $readOnly = '^(Get|Test|ConvertTo|Compare|Connect|Disconnect)-|^Import-StageMapConfiguration$'
    $cmdlets = @(Get-Command -Module StageMap -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name; ReadOnly = $_.Name -match $readOnly } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
    }

    It 'is not auto-generated' {
        $help.Synopsis | Should -Not -BeLike '*`[`<CommonParameters`>`]*'
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example with code and remarks' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterThan 0
        $examples[0].code | Should -Not -BeNullOrEmpty
        ($examples[0].remarks.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $parameterHelp = $help.parameters.parameter | Where-Object Name -EQ $parameter
            ($parameterHelp.Description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$parameter needs help"
        }
    }

    It 'declares its output type' {
        $command.OutputType | Should -Not -BeNullOrEmpty
    }

    It 'uses an approved verb' {
        (Get-Verb).Verb | Should -Contain $command.Verb
    }

    It 'supports -WhatIf when it changes state' -Skip:$ReadOnly {
        $command.Parameters.Keys | Should -Contain 'WhatIf'
    }
}
