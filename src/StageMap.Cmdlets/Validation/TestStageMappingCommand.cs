using System;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Validation;

namespace StageMap.Cmdlets.Validation;

/// <summary>
/// Test-StageMapping: runs every rule (SM001–SM014) over a configuration and writes each finding as a
/// <see cref="Diagnostic"/> object to the output, Errors first. Findings are data, not error records:
/// the command itself succeeds. With -Quiet it writes one boolean, a gate for scripts and CI.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "StageMapping")]
[OutputType(typeof(Diagnostic))]
[OutputType(typeof(bool))]
public sealed class TestStageMappingCommand : ConfigurationCommand
{
    /// <summary>Write $true or $false instead of the diagnostics.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <summary>
    /// The severities to write. With -Quiet, the severities that make the result $false
    /// (default: Error only).
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [EnumValue(typeof(Engine.Validation.Severity))]
    public Severity[]? Severity { get; set; }

    protected override void ProcessRecord()
    {
        var diagnostics = Validator.Validate(TargetConfiguration);
        WriteVerbose($"{Validator.Rules.Count} rules checked {TargetConfiguration}: "
            + string.Join(", ", Enum.GetValues(typeof(Severity)).Cast<Severity>().Reverse().Select(s => $"{diagnostics.Count(d => d.Severity == s)} {s}")));

        if (Quiet)
        {
            var failing = Severity ?? new[] { Engine.Validation.Severity.Error };
            WriteObject(!diagnostics.Any(d => failing.Contains(d.Severity)));
            return;
        }

        var selected = Severity is null ? diagnostics : diagnostics.Where(d => Severity.Contains(d.Severity));
        WriteObject(selected, enumerateCollection: true);
    }
}
