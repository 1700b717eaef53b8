using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Completion;

/// <summary>Completes stage names from the configuration, in stage order.</summary>
internal sealed class StageNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var configuration = CompletionContext.ConfigurationFor(fakeBoundParameters);
        if (configuration is null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var stages = configuration.Stages.InStageOrder().ToList();
        return CompletionResults.For(stages.Select(s => s.Name), wordToComplete, name => $"Stage '{name}'");
    }
}
