using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Completion;

/// <summary>The -Object already typed on the command line, if any (as text, enum or wrapped value, one or several).</summary>
internal static class CompletionObject
{
    private static readonly CrmObject[] Every = { CrmObject.Lead, CrmObject.Contact };

    /// <summary>The objects typed; every object when none is.</summary>
    public static IReadOnlyList<CrmObject> Typed(IDictionary fakeBoundParameters)
    {
        var bound = Unwrap(fakeBoundParameters?["Object"]);
        var values = bound switch
        {
            null => Enumerable.Empty<object?>(),
            IEnumerable many and not string => many.Cast<object?>().Select(Unwrap),
            var one => new[] { one },
        };
        var typed = values.Select(Parse).OfType<CrmObject>().Distinct().ToList();
        return typed.Count > 0 ? typed : Every;
    }

    /// <summary>The one object typed, or null for every object.</summary>
    public static CrmObject? From(IDictionary fakeBoundParameters) =>
        Typed(fakeBoundParameters) is { Count: 1 } one ? one[0] : null;

    public static bool Matches(CrmObject? typed, CrmObject crmObject) => typed is null || typed == crmObject;

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static CrmObject? Parse(object? value) => value switch
    {
        CrmObject crmObject => crmObject,
        string text when Enum.TryParse<CrmObject>(text.Trim('\'', '"'), ignoreCase: true, out var parsed) => parsed,
        _ => null,
    };
}
