<#
.SYNOPSIS
    A CI gate for an Outreach stage / status mapping: copy this file beside your configuration.
.DESCRIPTION
    Pester 5 tests that fail the build when the mapping would break the sync. Each rule is its own
    test, so a failure names the rule and its messages say what to fix. Without data it checks
    outreach-mapping.json beside this file; point it at your file with a container:

        $gate = New-PesterContainer -Path ./StageMapping.Tests.ps1 -Data @{ Path = './prod-mapping.json' }
        Invoke-Pester -Container $gate -CI

    To check against the org as it is now, give -MetadataPath the Salesforce files your pipeline
    retrieves (SFDX source, 'sf sobject describe --json' or 'sf data query --json' output): they are
    imported into a copy of the configuration, so the committed file is never changed by the gate.

        $gate = New-PesterContainer -Path ./StageMapping.Tests.ps1 -Data @{
            Path = './prod-mapping.json'; MetadataPath = './force-app/main/default/standardValueSets/LeadStatus.standardValueSet-meta.xml', './force-app/main/default/objects/Contact/fields/Contact_Status__c.field-meta.xml' }
        Invoke-Pester -Container $gate -CI

    Gate on what matters to you: delete a rule's line below to stop gating on it, add SM005 or
    SM011 to gate on them too (see Get-Help about_StageMap for every rule).
#>
param(
    [string] $Path = (Join-Path $PSScriptRoot 'outreach-mapping.json'),
    [string[]] $MetadataPath = @()
)

BeforeDiscovery {
    $rules = @(
        @{ Id = 'SM001'; What = 'maps each stage from one lead status' }
        @{ Id = 'SM002'; What = 'maps each lead status once' }
        @{ Id = 'SM003'; What = 'maps only lead statuses the CRM has, by exact API name' }
        @{ Id = 'SM004'; What = 'maps every active CRM lead status' }
        @{ Id = 'SM006'; What = 'has the Lead Stage <> Status lookup field mapping' }
        @{ Id = 'SM007'; What = 'maps each field once per object' }
        @{ Id = 'SM008'; What = 'uses ExternalMappedField only with LookupField' }
        @{ Id = 'SM009'; What = 'syncs contact status with a custom field' }
        @{ Id = 'SM010'; What = 'has stage names equal to the contact status values' }
        @{ Id = 'SM012'; What = 'sets no placeholder that defeats a skip-empty option' }
        @{ Id = 'SM013'; What = 'maps only to stages that exist' }
        @{ Id = 'SM014'; What = 'maps no inactive CRM value' }
    )
}

BeforeAll {
    # The module this sample ships in; else the StageMap module installed on this machine.
    $bundled = Join-Path $PSScriptRoot '..' 'StageMap.psd1'
    if (-not (Get-Module StageMap)) {
        if (Test-Path $bundled) { Import-Module $bundled } else { Import-Module StageMap }
    }

    # A copy: importing metadata saves the configuration it goes into.
    $copy = Join-Path $TestDrive (Split-Path $Path -Leaf)
    Copy-Item -LiteralPath $Path -Destination $copy
    $configuration = Import-StageMapConfiguration -LiteralPath $copy
    if ($MetadataPath) {
        Import-CrmMetadata -Path $MetadataPath -Configuration $configuration -ErrorAction Stop
    }
    $diagnostics = @(Test-StageMapping -Configuration $configuration)
}

Describe 'The stage mapping in <Path>' -ForEach @{ Path = $Path } {
    It 'has no errors' {
        $errors = $diagnostics | Where-Object Severity -EQ 'Error' | ForEach-Object { "$($_.RuleId): $($_.Message)" }
        Test-StageMapping -Configuration $configuration -Quiet | Should -BeTrue -Because ($errors -join "`n")
    }

    It '<What> (<Id>)' -ForEach $rules {
        $found = @($diagnostics | Where-Object RuleId -EQ $Id)
        $found.Count | Should -Be 0 -Because (($found | ForEach-Object Message) -join "`n")
    }
}
