<#
.SYNOPSIS
    Lists the tests of a built xUnit assembly that carry a 'Needs' trait (tests/StageMap.Engine.Tests/Support/Needs.cs),
    one 'NEED<tab>Class.Method' line each: the tests the net472 run on Mono leaves out. Run in a child PowerShell
    (it loads the test assembly).
#>
param([Parameter(Mandatory)] [string] $Assembly)

$ErrorActionPreference = 'Stop'
function Get-Need([System.Reflection.MemberInfo] $member) {
    $member.GetCustomAttributesData() |
        Where-Object { $_.AttributeType.FullName -eq 'Xunit.TraitAttribute' -and $_.ConstructorArguments[0].Value -eq 'Needs' } |
        ForEach-Object { $_.ConstructorArguments[1].Value }
}
function Test-IsTest([System.Reflection.MethodInfo] $method) {
    foreach ($attribute in $method.GetCustomAttributesData()) {
        for ($type = $attribute.AttributeType; $type; $type = $type.BaseType) {
            if ($type.FullName -eq 'Xunit.FactAttribute') { return $true }
        }
    }
    $false
}

foreach ($type in [System.Reflection.Assembly]::LoadFrom((Resolve-Path $Assembly)).GetExportedTypes()) {
    $classNeeds = @(Get-Need $type)
    foreach ($method in $type.GetMethods()) {
        if (-not (Test-IsTest $method)) { continue }
        foreach ($need in @($classNeeds) + @(Get-Need $method) | Select-Object -Unique) {
            "$need`t$($type.FullName).$($method.Name)"
        }
    }
}
