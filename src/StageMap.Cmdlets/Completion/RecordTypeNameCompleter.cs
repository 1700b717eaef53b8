using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace StageMap.Cmdlets.Completion;

/// <summary>Completes the labels of the record types of the -Object already typed (Lead, Contact, or both), then their developer names.</summary>
internal sealed class RecordTypeNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var metadata = CompletionContext.ConfigurationFor(fakeBoundParameters)?.CrmMetadata;
        if (metadata is null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var objects = CompletionObject.Typed(fakeBoundParameters);
        var recordTypes = metadata.RecordTypes.Where(r => objects.Contains(r.Object)).ToList();
        return CompletionResults.For(
            recordTypes.Select(r => r.Name).Concat(recordTypes.Select(r => r.DeveloperName)),
            wordToComplete,
            name => string.Join("; ", recordTypes.Where(r => r.Name == name || r.DeveloperName == name).Select(r => r.ToString())));
    }
}
