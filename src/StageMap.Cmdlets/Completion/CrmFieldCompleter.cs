using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Completion;

/// <summary>
/// Completes CRM field API names: the fields the configuration maps on the -Object typed (every object
/// when none is), then the fields the imported CRM metadata lists for it.
/// </summary>
internal sealed class CrmFieldCompleter : IArgumentCompleter
{
    private static readonly CrmObject[] Objects = { CrmObject.Lead, CrmObject.Contact };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var configuration = CompletionContext.ConfigurationFor(fakeBoundParameters);
        if (configuration is null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var crmObject = CompletionObject.From(fakeBoundParameters);
        var objects = Objects.Where(o => CompletionObject.Matches(crmObject, o)).ToList();
        var names = configuration.FieldMappings.Where(m => objects.Contains(m.Object)).Select(m => m.CrmField)
            .Concat(objects.SelectMany(o => configuration.CrmMetadata.FieldsOf(o)));
        return CompletionResults.For(names, wordToComplete, name => $"CRM field '{name}'");
    }
}
