<#
.SYNOPSIS
    Writes the module's MAML help from docs/cmdlets/*.md and the cmdlets' own metadata.
.DESCRIPTION
    Syntax, parameter types, positions, pipeline input, wildcards and output types come from the built
    cmdlets (Get-Command), so they cannot drift from the code; synopsis, description, parameter text,
    examples and notes come from one Markdown file per cmdlet. Fails when a cmdlet has no page, a
    parameter has no text, a page names a parameter the cmdlet lacks, or a page has no example.
    Runs in its own PowerShell process (it imports the module it documents).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutFile
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters
$standardParameterText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run and nothing changes.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Read-HelpPage([string] $path) {
    # A page: '# Name', then '## SECTION' blocks; PARAMETERS and EXAMPLES hold '### ' sub-blocks.
    $page = @{ Synopsis = ''; Description = @(); Parameters = @{}; Examples = @(); Notes = @(); Links = @() }
    $section = $null; $sub = $null; $buffer = [System.Collections.Generic.List[string]]::new()
    $flush = {
        $text = ($buffer -join "`n").Trim()
        switch ($section) {
            'SYNOPSIS' { $page.Synopsis = $text }
            'DESCRIPTION' { $page.Description = Split-Paragraphs $text }
            'NOTES' { $page.Notes = Split-Paragraphs $text }
            'RELATED LINKS' { $page.Links = @($buffer | Where-Object { $_ -match '^\s*-\s+' } | ForEach-Object { ($_ -replace '^\s*-\s+', '').Trim() }) }
            'PARAMETERS' { if ($sub) { $page.Parameters[$sub.TrimStart('-')] = Split-Paragraphs $text } }
            'EXAMPLES' { if ($sub) { $page.Examples += , (Read-Example $sub $text $path) } }
        }
        $buffer.Clear()
    }
    $inFence = $false
    foreach ($line in Get-Content -LiteralPath $path -Encoding utf8) {
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^## (.+)$') { & $flush; $section = $Matches[1].Trim().ToUpperInvariant(); $sub = $null; continue }
        if (-not $inFence -and $line -match '^### (.+)$') { & $flush; $sub = $Matches[1].Trim(); continue }
        if (-not $inFence -and $line -match '^# ') { continue }
        $buffer.Add($line)
    }
    & $flush
    $page
}

function Split-Paragraphs([string] $text) {
    @(($text -split "\n\s*\n") | ForEach-Object { ($_ -split '\n' | ForEach-Object { $_.Trim() }) -join ' ' } | Where-Object { $_ })
}

function Read-Example([string] $title, [string] $text, [string] $path) {
    if ($text -notmatch '(?s)```(?:powershell)?\n(.*?)\n```(.*)$') { throw "${path}: example '$title' has no fenced code block." }
    [pscustomobject]@{ Title = $title; Code = $Matches[1]; Remarks = Split-Paragraphs $Matches[2] }
}

function Get-FriendlyTypeName([type] $type) {
    if ($type.IsGenericType -and $type.GetGenericTypeDefinition() -eq [Nullable`1]) { $type = $type.GetGenericArguments()[0] }
    if ($type.IsArray) { return (Get-FriendlyTypeName $type.GetElementType()) + '[]' }
    $type.Name
}

function Get-PipelineInput($p) {
    $kinds = @()
    if ($p.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($p.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Add-Para($writer, [string[]] $paragraphs) {
    if (-not $paragraphs) { $paragraphs = @('') }
    foreach ($para in $paragraphs) { $writer.WriteElementString('maml', 'para', $mamlNs, $para) }
}

function Write-ParameterElement($writer, $p, [string[]] $text) {
    $type = $p.ParameterType
    $isSwitch = $type -eq [System.Management.Automation.SwitchParameter]
    $globbing = [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $position = if ($p.Position -ge 0) { [string]$p.Position } else { 'named' }
    $writer.WriteStartElement('command', 'parameter', $commandNs)
    $writer.WriteAttributeString('required', $p.IsMandatory.ToString().ToLowerInvariant())
    $writer.WriteAttributeString('variableLength', $type.IsArray.ToString().ToLowerInvariant())
    $writer.WriteAttributeString('globbing', $globbing.ToString().ToLowerInvariant())
    $writer.WriteAttributeString('pipelineInput', (Get-PipelineInput $p))
    $writer.WriteAttributeString('position', $position)
    $writer.WriteAttributeString('aliases', $(if ($p.Aliases.Count) { $p.Aliases -join ', ' } else { 'none' }))
    $writer.WriteElementString('maml', 'name', $mamlNs, $p.Name)
    $writer.WriteStartElement('maml', 'description', $mamlNs); Add-Para $writer $text; $writer.WriteEndElement()
    $enumType = if ($type.IsGenericType) { $type.GetGenericArguments()[0] } else { $type }
    if ($enumType.IsEnum) {
        $writer.WriteStartElement('command', 'parameterValueGroup', $commandNs)
        foreach ($value in [enum]::GetNames($enumType)) {
            $writer.WriteStartElement('command', 'parameterValue', $commandNs)
            $writer.WriteAttributeString('required', 'false'); $writer.WriteAttributeString('variableLength', 'false')
            $writer.WriteString($value); $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
    }
    if (-not $isSwitch) {
        $writer.WriteStartElement('command', 'parameterValue', $commandNs)
        $writer.WriteAttributeString('required', 'true'); $writer.WriteAttributeString('variableLength', $type.IsArray.ToString().ToLowerInvariant())
        $writer.WriteString((Get-FriendlyTypeName $type)); $writer.WriteEndElement()
    }
    $writer.WriteStartElement('dev', 'type', $devNs)
    $writer.WriteElementString('maml', 'name', $mamlNs, (Get-FriendlyTypeName $type))
    $writer.WriteElementString('maml', 'uri', $mamlNs, '')
    $writer.WriteEndElement()
    $writer.WriteElementString('dev', 'defaultValue', $devNs, $(if ($isSwitch) { 'False' } else { 'None' }))
    $writer.WriteEndElement()
}

$mamlNs = 'http://schemas.microsoft.com/maml/2004/10'
$commandNs = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$devNs = 'http://schemas.microsoft.com/maml/dev/2004/10'

Import-Module $ModulePath -Force
$module = Get-Module StageMap
$commands = Get-Command -Module StageMap -CommandType Cmdlet | Sort-Object Noun, Verb
$problems = [System.Collections.Generic.List[string]]::new()

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true; $settings.IndentChars = '  '; $settings.NewLineChars = "`n"
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$stream = [System.IO.MemoryStream]::new()
$writer = [System.Xml.XmlWriter]::Create($stream, $settings)
$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')

foreach ($command in $commands) {
    $pagePath = Join-Path $DocsPath "$($command.Name).md"
    if (-not (Test-Path -LiteralPath $pagePath)) { $problems.Add("$($command.Name): no help page $pagePath"); continue }
    $page = Read-HelpPage $pagePath
    $parameters = @($command.Parameters.Values | Where-Object { $_.Name -notin $commonParameters })
    foreach ($p in $parameters) {
        if (-not $page.Parameters.ContainsKey($p.Name) -and -not $standardParameterText.ContainsKey($p.Name)) { $problems.Add("$($command.Name): parameter -$($p.Name) has no text") }
    }
    foreach ($documented in $page.Parameters.Keys) {
        if ($documented -notin $parameters.Name) { $problems.Add("$($command.Name): page documents -$documented, which the cmdlet does not have") }
    }
    if (-not $page.Synopsis) { $problems.Add("$($command.Name): no SYNOPSIS") }
    if (-not $page.Description) { $problems.Add("$($command.Name): no DESCRIPTION") }
    if (-not $page.Examples) { $problems.Add("$($command.Name): no example") }
    $textOf = { param($name) if ($page.Parameters.ContainsKey($name)) { $page.Parameters[$name] } else { @($standardParameterText[$name]) } }

    $writer.WriteStartElement('command', 'command', $commandNs)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $mamlNs)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $devNs)
    $writer.WriteStartElement('command', 'details', $commandNs)
    $writer.WriteElementString('command', 'name', $commandNs, $command.Name)
    $writer.WriteElementString('command', 'verb', $commandNs, $command.Verb)
    $writer.WriteElementString('command', 'noun', $commandNs, $command.Noun)
    $writer.WriteStartElement('maml', 'description', $mamlNs); Add-Para $writer @($page.Synopsis); $writer.WriteEndElement()
    $writer.WriteEndElement()
    $writer.WriteStartElement('maml', 'description', $mamlNs); Add-Para $writer $page.Description; $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'syntax', $commandNs)
    foreach ($set in $command.ParameterSets | Sort-Object { -not $_.IsDefault }, Name) {
        $writer.WriteStartElement('command', 'syntaxItem', $commandNs)
        $writer.WriteElementString('maml', 'name', $mamlNs, $command.Name)
        $setParameters = @($set.Parameters | Where-Object { $_.Name -notin $commonParameters } |
            Sort-Object { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } }, { -not $_.IsMandatory }, Name)
        foreach ($p in $setParameters) { Write-ParameterElement $writer $p (& $textOf $p.Name) }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $commandNs)
    foreach ($p in $parameters | Sort-Object Name) {
        # Position, mandatory and pipeline input as in the default (or first) parameter set that has it.
        $info = $command.ParameterSets | Sort-Object { -not $_.IsDefault } | ForEach-Object { $_.Parameters } | Where-Object Name -EQ $p.Name | Select-Object -First 1
        Write-ParameterElement $writer $info (& $textOf $p.Name)
    }
    $writer.WriteEndElement()

    $inputTypes = @($parameters | Where-Object { $_.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } } |
        ForEach-Object { $_.ParameterType.FullName } | Select-Object -Unique)
    $writer.WriteStartElement('command', 'inputTypes', $commandNs)
    foreach ($type in $(if ($inputTypes) { $inputTypes } else { @('None') })) {
        $writer.WriteStartElement('command', 'inputType', $commandNs)
        $writer.WriteStartElement('dev', 'type', $devNs); $writer.WriteElementString('maml', 'name', $mamlNs, $type); $writer.WriteEndElement()
        $writer.WriteStartElement('maml', 'description', $mamlNs); Add-Para $writer @(); $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'returnValues', $commandNs)
    foreach ($output in $command.OutputType) {
        $writer.WriteStartElement('command', 'returnValue', $commandNs)
        $writer.WriteStartElement('dev', 'type', $devNs); $writer.WriteElementString('maml', 'name', $mamlNs, $output.Name); $writer.WriteEndElement()
        $writer.WriteStartElement('maml', 'description', $mamlNs); Add-Para $writer @(); $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    if ($page.Notes) {
        $writer.WriteStartElement('maml', 'alertSet', $mamlNs)
        $writer.WriteStartElement('maml', 'alert', $mamlNs); Add-Para $writer $page.Notes; $writer.WriteEndElement()
        $writer.WriteEndElement()
    }

    $writer.WriteStartElement('command', 'examples', $commandNs)
    $number = 0
    foreach ($example in $page.Examples) {
        $number++
        $writer.WriteStartElement('command', 'example', $commandNs)
        $writer.WriteElementString('maml', 'title', $mamlNs, "-------------------------- $($example.Title) --------------------------")
        $writer.WriteElementString('dev', 'code', $devNs, $example.Code)
        $writer.WriteStartElement('dev', 'remarks', $devNs); Add-Para $writer $example.Remarks; $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'relatedLinks', $commandNs)
    foreach ($link in $page.Links) {
        $writer.WriteStartElement('maml', 'navigationLink', $mamlNs)
        $writer.WriteElementString('maml', 'linkText', $mamlNs, $link)
        $writer.WriteElementString('maml', 'uri', $mamlNs, '')
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}

$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Flush()
if ($problems.Count) { throw "Help is incomplete:`n  $($problems -join "`n  ")" }
[System.IO.File]::WriteAllBytes($OutFile, $stream.ToArray())
Write-Host "Help: $($commands.Count) cmdlets -> $OutFile"
