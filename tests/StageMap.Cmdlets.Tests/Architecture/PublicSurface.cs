using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace StageMap.Cmdlets.Tests.Architecture;

/// <summary>What another assembly may name of a built assembly: its public types (nested ones only inside public types) and their public members.</summary>
public sealed class PublicSurface
{
    private readonly Dictionary<(string Namespace, string Name), HashSet<string>> _members;

    private PublicSurface(Dictionary<(string Namespace, string Name), HashSet<string>> members, IReadOnlyList<string> internalsVisibleTo)
    {
        _members = members;
        InternalsVisibleTo = internalsVisibleTo;
    }

    /// <summary>The assemblies the assembly's InternalsVisibleTo attributes name.</summary>
    public IReadOnlyList<string> InternalsVisibleTo { get; }

    public bool HasType(TypeName type) => _members.ContainsKey((type.Namespace, type.Name));

    /// <summary>True when the type is public and has a public method, constructor or field of that name.</summary>
    public bool HasMember(MemberName member) => _members.TryGetValue((member.Type.Namespace, member.Type.Name), out var names) && names.Contains(member.Member);

    public static PublicSurface Of(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var members = new Dictionary<(string, string), HashSet<string>>();
        foreach (var handle in reader.TypeDefinitions)
        {
            if (PublicName(reader, handle) is not { } name)
            {
                continue;
            }

            var type = reader.GetTypeDefinition(handle);
            var names = new HashSet<string>();
            foreach (var method in type.GetMethods())
            {
                var definition = reader.GetMethodDefinition(method);
                if ((definition.Attributes & MethodAttributes.MemberAccessMask) is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem)
                {
                    names.Add(reader.GetString(definition.Name));
                }
            }

            foreach (var field in type.GetFields())
            {
                var definition = reader.GetFieldDefinition(field);
                if ((definition.Attributes & FieldAttributes.FieldAccessMask) is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem)
                {
                    names.Add(reader.GetString(definition.Name));
                }
            }

            members[name] = names;
        }

        var friends = new List<string>();
        foreach (var attribute in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var value = reader.GetCustomAttribute(attribute);
            if (value.Constructor.Kind == HandleKind.MemberReference
                && reader.GetMemberReference((MemberReferenceHandle)value.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) == "InternalsVisibleToAttribute")
            {
                var blob = reader.GetBlobReader(value.Value);
                blob.ReadUInt16();
                friends.Add(blob.ReadSerializedString()!);
            }
        }

        return new PublicSurface(members, friends);
    }

    /// <summary>The namespace and name (Outer+Inner) of a type another assembly sees, or null when it is not visible.</summary>
    private static (string, string)? PublicName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (!type.IsNested)
        {
            return visibility == TypeAttributes.Public ? (reader.GetString(type.Namespace), reader.GetString(type.Name)) : null;
        }

        if (visibility is not (TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem)
            || PublicName(reader, type.GetDeclaringType()) is not { } outer)
        {
            return null;
        }

        return (outer.Item1, outer.Item2 + "+" + reader.GetString(type.Name));
    }
}
