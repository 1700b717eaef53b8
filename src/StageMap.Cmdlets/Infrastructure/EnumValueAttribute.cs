using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace StageMap.Cmdlets.Infrastructure;

/// <summary>
/// Turns the names of <see cref="EnumType"/>'s values (any case) into those values, and refuses any
/// other text with a message that lists the valid values, in place of PowerShell's conversion error,
/// which names the .NET type. Values that are not text (an enum value, a number) pass through to the
/// ordinary binding.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class EnumValueAttribute : ArgumentTransformationAttribute
{
    public EnumValueAttribute(Type enumType)
    {
        if (!enumType.IsEnum)
        {
            throw new ArgumentException($"{enumType.Name} is not an enum.", nameof(enumType));
        }

        EnumType = enumType;
    }

    public Type EnumType { get; }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            string text => FromName(text),
            IEnumerable items and not IDictionary => items.Cast<object?>().Select(item => Transform(engineIntrinsics, item)).ToArray(),
            _ => inputData,
        };
    }

    private object FromName(string text)
    {
        var names = Enum.GetNames(EnumType);
        var name = names.FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentTransformationMetadataException(
                $"'{text}' is not a valid value. Valid values are: {string.Join(", ", (IEnumerable<string>)names)}.");
        return Enum.Parse(EnumType, name);
    }
}
