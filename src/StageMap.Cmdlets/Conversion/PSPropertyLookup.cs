using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;

namespace StageMap.Cmdlets.Conversion;

/// <summary>
/// Finds a property of a piped object as <c>PSObject.Properties[name]</c> does, for one command, at a
/// fraction of its cost on the objects Import-Csv and ConvertFrom-Json emit. That indexer walks the
/// object's own note properties, then the type data and adapter of its type, for every name asked;
/// a conversion asks about a dozen names per record, some of which no record has ('attributes' of a
/// CSV row), and a name found nowhere is the dearest question. So, for a PSCustomObject with the
/// default type names: its own properties are read from its member table directly, and a name that
/// is not there and that the type gives no PSCustomObject is remembered for the rest of the command,
/// so no later record pays for the walk. Any other object goes through the indexer.
/// </summary>
/// <remarks>
/// The member table is PowerShell's internal <c>PSObject.InstanceMembers</c> (PowerShell 5.1 and 7),
/// reached once through reflection; where it is not there, every lookup takes the indexer and the
/// answers are the same, only slower.
/// </remarks>
internal sealed class PSPropertyLookup
{
    private const string CustomObjectTypeName = "System.Management.Automation.PSCustomObject";

    private static readonly Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>? InstanceMembers = BindInstanceMembers();

    private readonly HashSet<string> _notOnTheType = new(StringComparer.OrdinalIgnoreCase);

    public PSPropertyLookup()
    {
        UnwrapValue = raw => PSObjectRecord.Unwrap(raw, this);
    }

    /// <summary>Turns a property's value into an engine value (nested objects read through this lookup).</summary>
    public Func<object, object?> UnwrapValue { get; }

    public PSPropertyInfo? Find(PSObject obj, string name)
    {
        if (InstanceMembers is null || obj.BaseObject is not PSCustomObject || !HasDefaultTypeNames(obj))
        {
            return obj.Properties[name];
        }

        if (InstanceMembers(obj)[name] is { } own)
        {
            return own as PSPropertyInfo ?? obj.Properties[name];
        }

        if (_notOnTheType.Contains(name))
        {
            return null;
        }

        var found = obj.Properties[name];
        if (found is null)
        {
            _notOnTheType.Add(name);
        }

        return found;
    }

    /// <summary>Type data can give members to a type name; with the default names, every such object gets the same.</summary>
    private static bool HasDefaultTypeNames(PSObject obj)
    {
        var names = obj.TypeNames;
        return names.Count == 2 && string.Equals(names[0], CustomObjectTypeName, StringComparison.Ordinal) && string.Equals(names[1], "System.Object", StringComparison.Ordinal);
    }

    private static Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>? BindInstanceMembers()
    {
        try
        {
            var getter = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.NonPublic | BindingFlags.Instance)?.GetGetMethod(nonPublic: true);
            if (getter is null || !typeof(PSMemberInfoCollection<PSMemberInfo>).IsAssignableFrom(getter.ReturnType))
            {
                return null;
            }

            return (Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>)Delegate.CreateDelegate(typeof(Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>), getter);
        }
        catch (Exception e) when (e is ArgumentException or MemberAccessException or AmbiguousMatchException)
        {
            return null;
        }
    }
}
