using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Completion;

/// <summary>
/// Completes Outreach field names: the fields the configuration maps on the -Object typed (every
/// object when none is), then Outreach's well-known prospect fields, by plugin name.
/// </summary>
internal sealed class OutreachFieldCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var crmObject = CompletionObject.From(fakeBoundParameters);
        var mapped = CompletionContext.ConfigurationFor(fakeBoundParameters)?.FieldMappings
            .Where(m => CompletionObject.Matches(crmObject, m.Object))
            .Select(m => m.OutreachField) ?? Enumerable.Empty<string>();
        var names = mapped.Concat(OutreachFields.All.Select(f => f.Name));
        return CompletionResults.For(names, wordToComplete, name => $"Outreach field '{name}' (API attribute {OutreachFields.Resolve(name).Attribute})");
    }
}
