using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace StageMap.Cmdlets.Completion;

/// <summary>
/// Completes Contact field names for -ContactStatusField: the field in use, then the custom fields
/// (__c) of an imported Contact describe, then its other fields.
/// </summary>
internal sealed class ContactFieldCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var metadata = CompletionContext.ConfigurationFor(fakeBoundParameters)?.CrmMetadata ?? Engine.Model.CrmMetadata.Empty;
        var fields = new[] { metadata.ContactStatusField }
            .Concat(metadata.ContactFields.Where(f => f.EndsWith("__c", System.StringComparison.OrdinalIgnoreCase)))
            .Concat(metadata.ContactFields);
        return CompletionResults.For(fields, wordToComplete, name => $"Contact field '{name}'");
    }
}
