using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace StageMap.Cmdlets.Completion;

/// <summary>Completes External Mapped Types: LeadStatus (the article's), then any the configuration uses.</summary>
internal sealed class ExternalMappedTypeCompleter : IArgumentCompleter
{
    public const string LeadStatus = "LeadStatus";

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var used = CompletionContext.ConfigurationFor(fakeBoundParameters)?.FieldMappings
            .Select(m => m.Options.ExternalMappedType ?? "") ?? Enumerable.Empty<string>();
        return CompletionResults.For(new[] { LeadStatus }.Concat(used), wordToComplete, name => $"External Mapped Type '{name}'");
    }
}
