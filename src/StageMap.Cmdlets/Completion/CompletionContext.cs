using System.Collections;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Completion;

/// <summary>The configuration a completion is for: the -Configuration already typed, else the current one.</summary>
internal static class CompletionContext
{
    public static StageMapConfiguration? ConfigurationFor(IDictionary? fakeBoundParameters)
    {
        var bound = fakeBoundParameters?["Configuration"];
        return (bound is PSObject wrapped ? wrapped.BaseObject : bound) as StageMapConfiguration ?? CurrentConfiguration.Get();
    }
}
