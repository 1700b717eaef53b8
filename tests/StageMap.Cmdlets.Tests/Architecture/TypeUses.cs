using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace StageMap.Cmdlets.Tests.Architecture;

/// <summary>A type one assembly's code names: the assembly that defines it (null for the assembly itself), its namespace and name.</summary>
/// <remarks>A nested type of another assembly is named with its enclosing types: Outer+Inner.</remarks>
public sealed record TypeName(string? Assembly, string Namespace, string Name)
{
    public override string ToString() => (Assembly is null ? "" : $"[{Assembly}]") + (Namespace.Length == 0 ? Name : $"{Namespace}.{Name}");
}

/// <summary>A member of another assembly that one assembly's code names (a method, field or property accessor).</summary>
public sealed record MemberName(TypeName Type, string Member);

/// <summary>
/// Every type each type of a built assembly names, read from its metadata and IL: base types, interfaces, field,
/// method and local signatures, attributes, and every token in method bodies. A nested or compiler-generated type
/// (a lambda's closure, an iterator) counts as its outermost type. Constants and nameof are compiled into
/// values, so a use of those alone leaves no trace here.
/// </summary>
public sealed class TypeUses
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value, code => code.OperandType);

    private TypeUses(Dictionary<TypeName, HashSet<TypeName>> uses, HashSet<MemberName> foreignMembers)
    {
        Uses = uses;
        ForeignMembers = foreignMembers;
    }

    /// <summary>Each type the assembly defines (outermost types only) and the types it names.</summary>
    public IReadOnlyDictionary<TypeName, HashSet<TypeName>> Uses { get; }

    /// <summary>The members of other assemblies the assembly names.</summary>
    public IReadOnlySet<MemberName> ForeignMembers { get; }

    public static TypeUses Of(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var walker = new Walker(reader, pe);
        var uses = new Dictionary<TypeName, HashSet<TypeName>>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var owner = walker.Outermost(handle);
            if (!uses.TryGetValue(owner, out var used))
            {
                uses[owner] = used = new HashSet<TypeName>();
            }

            walker.Collect(handle, used);
        }

        foreach (var (owner, used) in uses)
        {
            used.Remove(owner);
        }

        return new TypeUses(uses, walker.ForeignMembers);
    }

    private sealed class Walker : ISignatureTypeProvider<ImmutableArray<TypeName>, object?>
    {
        private readonly MetadataReader _reader;
        private readonly PEReader _pe;

        public Walker(MetadataReader reader, PEReader pe)
        {
            _reader = reader;
            _pe = pe;
        }

        public HashSet<MemberName> ForeignMembers { get; } = new();

        public TypeName Outermost(TypeDefinitionHandle handle)
        {
            var type = _reader.GetTypeDefinition(handle);
            while (type.IsNested)
            {
                type = _reader.GetTypeDefinition(type.GetDeclaringType());
            }

            return new TypeName(null, _reader.GetString(type.Namespace), _reader.GetString(type.Name));
        }

        public void Collect(TypeDefinitionHandle handle, HashSet<TypeName> used)
        {
            var type = _reader.GetTypeDefinition(handle);
            AddEntity(type.BaseType, used);
            foreach (var implementation in type.GetInterfaceImplementations())
            {
                AddEntity(_reader.GetInterfaceImplementation(implementation).Interface, used);
            }

            AddAttributes(type.GetCustomAttributes(), used);
            AddGenericParameters(type.GetGenericParameters(), used);
            foreach (var fieldHandle in type.GetFields())
            {
                var field = _reader.GetFieldDefinition(fieldHandle);
                used.UnionWith(field.DecodeSignature(this, null));
                AddAttributes(field.GetCustomAttributes(), used);
            }

            foreach (var propertyHandle in type.GetProperties())
            {
                var property = _reader.GetPropertyDefinition(propertyHandle);
                AddSignature(property.DecodeSignature(this, null), used);
                AddAttributes(property.GetCustomAttributes(), used);
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = _reader.GetMethodDefinition(methodHandle);
                AddSignature(method.DecodeSignature(this, null), used);
                AddAttributes(method.GetCustomAttributes(), used);
                AddGenericParameters(method.GetGenericParameters(), used);
                foreach (var parameter in method.GetParameters())
                {
                    AddAttributes(_reader.GetParameter(parameter).GetCustomAttributes(), used);
                }

                if (method.RelativeVirtualAddress != 0)
                {
                    AddBody(_pe.GetMethodBody(method.RelativeVirtualAddress), used);
                }
            }
        }

        private void AddBody(MethodBodyBlock body, HashSet<TypeName> used)
        {
            if (!body.LocalSignature.IsNil)
            {
                foreach (var local in _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null))
                {
                    used.UnionWith(local);
                }
            }

            foreach (var region in body.ExceptionRegions)
            {
                AddEntity(region.CatchType, used);
            }

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                short value = il.ReadByte();
                if (value == 0xFE)
                {
                    value = unchecked((short)(0xFE00 | il.ReadByte()));
                }

                switch (Operands[value])
                {
                    case OperandType.InlineMethod:
                    case OperandType.InlineField:
                    case OperandType.InlineType:
                    case OperandType.InlineTok:
                        AddEntity(MetadataTokens.EntityHandle(il.ReadInt32()), used);
                        break;
                    case OperandType.InlineSig:
                        var signature = _reader.GetStandaloneSignature((StandaloneSignatureHandle)MetadataTokens.EntityHandle(il.ReadInt32()));
                        AddSignature(signature.DecodeMethodSignature(this, null), used);
                        break;
                    case OperandType.InlineString:
                    case OperandType.InlineI:
                    case OperandType.InlineBrTarget:
                    case OperandType.ShortInlineR:
                        il.ReadInt32();
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        il.ReadInt64();
                        break;
                    case OperandType.InlineVar:
                        il.ReadInt16();
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        il.ReadByte();
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32();
                        for (var i = 0; i < targets; i++)
                        {
                            il.ReadInt32();
                        }

                        break;
                }
            }
        }

        private static void AddSignature(MethodSignature<ImmutableArray<TypeName>> signature, HashSet<TypeName> used)
        {
            used.UnionWith(signature.ReturnType);
            foreach (var parameter in signature.ParameterTypes)
            {
                used.UnionWith(parameter);
            }
        }

        private void AddAttributes(CustomAttributeHandleCollection attributes, HashSet<TypeName> used)
        {
            foreach (var handle in attributes)
            {
                AddEntity(_reader.GetCustomAttribute(handle).Constructor, used);
            }
        }

        private void AddGenericParameters(GenericParameterHandleCollection parameters, HashSet<TypeName> used)
        {
            foreach (var handle in parameters)
            {
                foreach (var constraint in _reader.GetGenericParameter(handle).GetConstraints())
                {
                    AddEntity(_reader.GetGenericParameterConstraint(constraint).Type, used);
                }
            }
        }

        private void AddEntity(EntityHandle handle, HashSet<TypeName> used)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                case HandleKind.TypeReference:
                case HandleKind.TypeSpecification:
                    used.UnionWith(TypesOf(handle));
                    break;
                case HandleKind.MethodDefinition:
                    used.Add(Outermost(_reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()));
                    break;
                case HandleKind.FieldDefinition:
                    used.Add(Outermost(_reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()));
                    break;
                case HandleKind.MethodSpecification:
                    var specification = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    AddEntity(specification.Method, used);
                    foreach (var argument in specification.DecodeSignature(this, null))
                    {
                        used.UnionWith(argument);
                    }

                    break;
                case HandleKind.MemberReference:
                    var member = _reader.GetMemberReference((MemberReferenceHandle)handle);
                    var parents = member.Parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification
                        ? TypesOf(member.Parent)
                        : ImmutableArray<TypeName>.Empty;
                    used.UnionWith(parents);
                    if (member.Parent.Kind == HandleKind.MethodDefinition)
                    {
                        AddEntity(member.Parent, used);
                    }

                    if (member.Parent.Kind is HandleKind.TypeReference or HandleKind.TypeSpecification)
                    {
                        var owner = member.Parent.Kind == HandleKind.TypeReference
                            ? TypeOf((TypeReferenceHandle)member.Parent)
                            : parents.FirstOrDefault();
                        if (owner?.Assembly is not null)
                        {
                            ForeignMembers.Add(new MemberName(owner, _reader.GetString(member.Name)));
                        }
                    }

                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        AddSignature(member.DecodeMethodSignature(this, null), used);
                    }
                    else
                    {
                        used.UnionWith(member.DecodeFieldSignature(this, null));
                    }

                    break;
            }
        }

        private ImmutableArray<TypeName> TypesOf(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => ImmutableArray.Create(Outermost((TypeDefinitionHandle)handle)),
            HandleKind.TypeReference => ImmutableArray.Create(TypeOf((TypeReferenceHandle)handle)),
            HandleKind.TypeSpecification => _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
            _ => ImmutableArray<TypeName>.Empty,
        };

        private TypeName TypeOf(TypeReferenceHandle handle)
        {
            var reference = _reader.GetTypeReference(handle);
            var name = _reader.GetString(reference.Name);
            while (reference.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                reference = _reader.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope);
                name = _reader.GetString(reference.Name) + "+" + name;
            }

            var assembly = reference.ResolutionScope.Kind == HandleKind.AssemblyReference
                ? _reader.GetString(_reader.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name)
                : null;
            return new TypeName(assembly, _reader.GetString(reference.Namespace), name);
        }

        public ImmutableArray<TypeName> GetPrimitiveType(PrimitiveTypeCode typeCode) => ImmutableArray<TypeName>.Empty;

        public ImmutableArray<TypeName> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => ImmutableArray.Create(Outermost(handle));

        public ImmutableArray<TypeName> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => ImmutableArray.Create(TypeOf(handle));

        public ImmutableArray<TypeName> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public ImmutableArray<TypeName> GetSZArrayType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetArrayType(ImmutableArray<TypeName> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<TypeName> GetByReferenceType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetPointerType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetPinnedType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetGenericInstantiation(ImmutableArray<TypeName> genericType, ImmutableArray<ImmutableArray<TypeName>> typeArguments) =>
            genericType.AddRange(typeArguments.SelectMany(argument => argument));

        public ImmutableArray<TypeName> GetGenericMethodParameter(object? genericContext, int index) => ImmutableArray<TypeName>.Empty;

        public ImmutableArray<TypeName> GetGenericTypeParameter(object? genericContext, int index) => ImmutableArray<TypeName>.Empty;

        public ImmutableArray<TypeName> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeName>> signature) =>
            signature.ReturnType.AddRange(signature.ParameterTypes.SelectMany(parameter => parameter));

        public ImmutableArray<TypeName> GetModifiedType(ImmutableArray<TypeName> modifier, ImmutableArray<TypeName> unmodifiedType, bool isRequired) => unmodifiedType;
    }
}
