using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace StageMap.Cmdlets.Conversion;

/// <summary>
/// The parts of PowerShell's <see cref="PSObject"/> that the record pipeline reaches past the public API,
/// bound once through reflection. PowerShell's public paths (<c>Properties[name]</c>, <c>Properties.Add</c>)
/// do per-call work meant for arbitrary objects (type data, the adapter, binder bookkeeping); the converted
/// and converting records are all PSCustomObjects, where the result is known to be the same. Each binding is
/// null where this PowerShell does not have the member (the names are internal; Windows PowerShell 5.1 differs
/// from PowerShell 7), and every caller then takes the public path: slower, same answers.
/// </summary>
internal static class PSObjectInternals
{
    private const BindingFlags Instance = BindingFlags.NonPublic | BindingFlags.Instance;

    /// <summary>The object's own members: a PSCustomObject's note properties, in the order they were added.</summary>
    public static readonly Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>? InstanceMembers =
        Bind<Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>>(() =>
            typeof(PSObject).GetProperty("InstanceMembers", Instance)?.GetGetMethod(nonPublic: true));

    /// <summary>
    /// The table behind <see cref="InstanceMembers"/> (null until the object has a member): the members by name
    /// ignoring case and by position, in the order they were added. PowerShell locks it for every read and write.
    /// Typed as the class, not its interface, so that reading it is a direct call.
    /// </summary>
    public static readonly Func<PSObject, OrderedDictionary?>? MemberTable = BindMemberTable();

    /// <summary>
    /// PowerShell 7's <c>new PSObject(int instanceMemberCapacity)</c>: a PSCustomObject whose member table is
    /// made at its size, not found or added in PowerShell's process-wide table of objects' members (which
    /// <c>new PSObject()</c> does on its first property).
    /// </summary>
    public static readonly Func<int, PSObject>? NewWithCapacity = BindConstructor();

    /// <summary>
    /// The type names the object carries itself, or null when it has never had its own (then they are its
    /// base type's, the same for every such object). Reading <c>TypeNames</c> instead would build them.
    /// </summary>
    public static readonly Func<PSObject, ICollection<string>?>? OwnTypeNames = BindField<ICollection<string>>("_typeNames");

    private static TDelegate? Bind<TDelegate>(Func<MethodInfo?> find)
        where TDelegate : Delegate
    {
        try
        {
            var method = find();
            return method is null ? null : (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), method);
        }
        catch (Exception e) when (e is ArgumentException or MemberAccessException or AmbiguousMatchException)
        {
            return null;
        }
    }

    private static Func<int, PSObject>? BindConstructor()
    {
        try
        {
            var constructor = typeof(PSObject).GetConstructor(new[] { typeof(int) });
            if (constructor is null)
            {
                return null;
            }

            var capacity = Expression.Parameter(typeof(int), "capacity");
            return Expression.Lambda<Func<int, PSObject>>(Expression.New(constructor, capacity), capacity).Compile();
        }
        catch (Exception e) when (e is ArgumentException or MemberAccessException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Func<PSObject, OrderedDictionary?>? BindMemberTable()
    {
        try
        {
            var members = typeof(PSObject).GetProperty("InstanceMembers", Instance);
            var table = members?.PropertyType.GetField("_members", Instance);
            if (members is null || table is null || !typeof(OrderedDictionary).IsAssignableFrom(table.FieldType))
            {
                return null;
            }

            var target = Expression.Parameter(typeof(PSObject), "target");
            var body = Expression.Convert(Expression.Field(Expression.Property(target, members), table), typeof(OrderedDictionary));
            return Expression.Lambda<Func<PSObject, OrderedDictionary?>>(body, target).Compile();
        }
        catch (Exception e) when (e is ArgumentException or MemberAccessException or InvalidOperationException or AmbiguousMatchException)
        {
            return null;
        }
    }

    private static Func<PSObject, T?>? BindField<T>(string name)
        where T : class
    {
        try
        {
            var field = typeof(PSObject).GetField(name, Instance);
            if (field is null || !typeof(T).IsAssignableFrom(field.FieldType))
            {
                return null;
            }

            var target = Expression.Parameter(typeof(PSObject), "target");
            return Expression.Lambda<Func<PSObject, T?>>(Expression.Convert(Expression.Field(target, field), typeof(T)), target).Compile();
        }
        catch (Exception e) when (e is ArgumentException or MemberAccessException or InvalidOperationException)
        {
            return null;
        }
    }
}
