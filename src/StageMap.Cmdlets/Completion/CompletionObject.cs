using System;
using System.Collections;
using System.Management.Automation;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Completion;

/// <summary>The -Object already typed on the command line, if any (as text, enum or wrapped value).</summary>
internal static class CompletionObject
{
    public static CrmObject? From(IDictionary fakeBoundParameters)
    {
        var bound = fakeBoundParameters?["Object"];
        var value = bound is PSObject wrapped ? wrapped.BaseObject : bound;
        return value switch
        {
            CrmObject crmObject => crmObject,
            string text when Enum.TryParse<CrmObject>(text.Trim('\'', '"'), ignoreCase: true, out var parsed) => parsed,
            _ => null,
        };
    }

    public static bool Matches(CrmObject? typed, CrmObject crmObject) => typed is null || typed == crmObject;
}
