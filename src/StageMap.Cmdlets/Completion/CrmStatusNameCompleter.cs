using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace StageMap.Cmdlets.Completion;

/// <summary>Completes CRM status API names of the -Object already typed (Lead, Contact, or both), in the CRM's order.</summary>
internal sealed class CrmStatusNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var metadata = CompletionContext.ConfigurationFor(fakeBoundParameters)?.CrmMetadata;
        if (metadata is null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var objects = CompletionObject.Typed(fakeBoundParameters);
        var statuses = objects.SelectMany(metadata.StatusesOf).ToList();
        return CompletionResults.For(statuses.Select(s => s.ApiName), wordToComplete, name => $"{string.Join("/", statuses.Where(s => s.ApiName == name).Select(s => s.Object).Distinct())} status '{name}'");
    }
}
