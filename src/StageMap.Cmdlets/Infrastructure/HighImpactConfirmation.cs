using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace StageMap.Cmdlets.Infrastructure;

/// <summary>
/// Confirms a destructive step (a -Force that overwrites a configuration file or drops mappings) as a
/// cmdlet of ConfirmImpact High would, while the cmdlet's other paths keep its own, lower impact.
/// </summary>
/// <remarks>
/// PowerShell's ConfirmImpact belongs to the cmdlet, so ShouldProcess cannot tell a destructive call
/// from a harmless one. This is asked after ShouldProcess said yes, and prompts only where
/// ShouldProcess would have prompted for a High-impact cmdlet but did not: $ConfirmPreference is
/// High or lower yet above the cmdlet's impact, and -Confirm was not given (-Confirm prompted through
/// ShouldProcess already; -Confirm:$false asks for no prompt). -WhatIf never gets here.
/// </remarks>
internal sealed class HighImpactConfirmation
{
    private readonly PSCmdlet _cmdlet;
    private bool _yesToAll;
    private bool _noToAll;

    public HighImpactConfirmation(PSCmdlet cmdlet) => _cmdlet = cmdlet;

    public bool Confirm(string target, string action)
    {
        if (!ShouldPrompt())
        {
            return true;
        }

        return _cmdlet.ShouldContinue(
            $"Are you sure you want to perform this action?\nPerforming the operation \"{action}\" on target \"{target}\".",
            "Confirm",
            ref _yesToAll,
            ref _noToAll);
    }

    private bool ShouldPrompt()
    {
        if (_cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm"))
        {
            return false;
        }

        var preference = LanguagePrimitives.TryConvertTo(_cmdlet.SessionState.PSVariable.GetValue("ConfirmPreference"), CultureInfo.InvariantCulture, out ConfirmImpact value)
            ? value
            : ConfirmImpact.High;
        var cmdletImpact = _cmdlet.GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;
        return preference != ConfirmImpact.None && preference <= ConfirmImpact.High && preference > cmdletImpact;
    }
}
