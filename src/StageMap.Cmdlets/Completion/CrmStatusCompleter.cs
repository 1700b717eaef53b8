using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace StageMap.Cmdlets.Completion;

/// <summary>
/// Completes lead status API names: the CRM's (from imported metadata, in the CRM's order), then any
/// mapped status the metadata does not list.
/// </summary>
internal sealed class CrmStatusCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var configuration = CompletionContext.ConfigurationFor(fakeBoundParameters);
        if (configuration is null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var names = configuration.CrmMetadata.LeadStatuses.Select(s => s.ApiName)
            .Concat(configuration.LeadStatusMappings.Select(m => m.CrmStatus));
        return CompletionResults.For(names, wordToComplete, name => $"Lead status '{name}'");
    }
}
