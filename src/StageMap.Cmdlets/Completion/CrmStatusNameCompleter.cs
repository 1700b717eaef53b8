using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Completion;

/// <summary>Completes CRM status API names of the -Object already typed (Lead, Contact, or both), in the CRM's order.</summary>
public sealed class CrmStatusNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var metadata = CompletionContext.ConfigurationFor(fakeBoundParameters)?.CrmMetadata;
        if (metadata is null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var objects = ObjectsOf(fakeBoundParameters?["Object"]);
        var statuses = objects.SelectMany(metadata.StatusesOf).ToList();
        return CompletionResults.For(statuses.Select(s => s.ApiName), wordToComplete, name => $"{string.Join("/", statuses.Where(s => s.ApiName == name).Select(s => s.Object).Distinct())} status '{name}'");
    }

    private static IEnumerable<CrmObject> ObjectsOf(object? bound)
    {
        var values = (bound is PSObject wrapped ? wrapped.BaseObject : bound) switch
        {
            null => new object[] { CrmObject.Lead, CrmObject.Contact },
            IEnumerable many and not string => many.Cast<object>(),
            var one => new[] { one },
        };
        foreach (var value in values)
        {
            var raw = value is PSObject p ? p.BaseObject : value;
            if (raw is CrmObject crmObject)
            {
                yield return crmObject;
            }
            else if (System.Enum.TryParse<CrmObject>(raw?.ToString(), ignoreCase: true, out var parsed))
            {
                yield return parsed;
            }
        }
    }
}
