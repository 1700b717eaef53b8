using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using StageMap.Engine.Live.Salesforce;

namespace StageMap.Cmdlets.Completion;

/// <summary>Completes Connect-Crm -TargetOrg with the aliases and usernames the Salesforce CLI knows.</summary>
internal sealed class TargetOrgCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.For(SalesforceCli.KnownOrgs(), wordToComplete, org => $"Salesforce CLI org '{org}'");
}
