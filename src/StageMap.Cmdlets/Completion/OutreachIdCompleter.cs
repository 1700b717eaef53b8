using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace StageMap.Cmdlets.Completion;

/// <summary>
/// Completes Set-OutreachStage -OutreachId with the id Outreach already has for the stage -Name names
/// (confirming a rename, reorder or recolour made in Outreach). A local stage's id means nothing to
/// Outreach, so none is offered for it.
/// </summary>
internal sealed class OutreachIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var configuration = CompletionContext.ConfigurationFor(fakeBoundParameters);
        var name = fakeBoundParameters?["Name"] is { } bound ? (bound is PSObject wrapped ? wrapped.BaseObject : bound)?.ToString() : null;
        if (configuration is null || name is null || configuration.FindStage(name) is not { IsInOutreach: true } stage)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var id = stage.Id.ToString(CultureInfo.InvariantCulture);
        return CompletionResults.For(new[] { id }, wordToComplete, _ => $"Outreach's id of stage '{stage.Name}'");
    }
}
