using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using StageMap.Engine.Text;

namespace StageMap.Cmdlets.Completion;

/// <summary>Completes -Encoding: the names Import-Csv takes, and windows-1252 (Excel's CSV).</summary>
internal sealed class EncodingNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.For(EncodingNames.Names, wordToComplete, name => $"Read the input file as {name} (a byte order mark wins)");
}
