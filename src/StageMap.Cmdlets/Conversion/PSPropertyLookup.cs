using System;
using System.Management.Automation;
using System.Reflection;

namespace StageMap.Cmdlets.Conversion;

/// <summary>
/// Finds a property of a piped object as <c>PSObject.Properties[name]</c> does, at a fraction of its
/// cost on the objects Import-Csv and ConvertFrom-Json emit. That indexer goes through the object's
/// member collections (its own note properties, then type data and the adapter) for every name it is
/// asked; a conversion asks about a dozen names a record. A PSCustomObject's own note properties are
/// found first there, so they are read here straight from its member table; a name that is not one
/// of them, and any other kind of object, still goes through the indexer, which answers exactly.
/// </summary>
/// <remarks>
/// The member table is PowerShell's internal <c>PSObject.InstanceMembers</c> (PowerShell 5.1 and 7),
/// reached once through reflection; where it is not there, every lookup takes the indexer and the
/// answers are the same, only slower. (Remembering the names no record has would save more, but
/// which names type data gives an object depends on its type names, and reading those builds them
/// for each new object: dearer than the lookup it would save.)
/// </remarks>
internal sealed class PSPropertyLookup
{
    private static readonly Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>? InstanceMembers = BindInstanceMembers();

    public PSPropertyLookup()
    {
        UnwrapValue = raw => PSObjectRecord.Unwrap(raw, this);
    }

    /// <summary>Turns a property's value into an engine value (nested objects read through this lookup).</summary>
    public Func<object, object?> UnwrapValue { get; }

    public static PSPropertyInfo? Find(PSObject obj, string name) =>
        InstanceMembers is not null && obj.BaseObject is PSCustomObject && InstanceMembers(obj)[name] is PSPropertyInfo own
            ? own
            : obj.Properties[name];

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
