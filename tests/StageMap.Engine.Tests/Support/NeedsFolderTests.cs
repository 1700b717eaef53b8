using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace StageMap.Engine.Tests.Support;

/// <summary>
/// The folders named after a <see cref="Needs"/> value (Kestrel/, DotNetOnUnix/) hold the tests that cannot
/// compile for .NET Framework, and the net472 build leaves them out whole: every test class in one carries
/// that trait, so the Mono run lists them as left out for their need.
/// </summary>
public class NeedsFolderTests
{
    [Theory]
    [InlineData(Needs.Kestrel)]
    [InlineData(Needs.DotNetOnUnix)]
    public void Every_test_class_in_a_needs_folder_carries_its_trait(string need)
    {
        var testClasses = typeof(NeedsFolderTests).Assembly.GetTypes()
            .Where(type => type.Namespace == $"StageMap.Engine.Tests.{need}" && type.GetMethods().Any(IsTest))
            .ToList();

#if NETFRAMEWORK
        Assert.Empty(testClasses);
#else
        Assert.NotEmpty(testClasses);
        var untagged = testClasses.Where(type => !type.GetCustomAttributesData().Any(a => IsNeed(a, need))).Select(type => type.Name);
        Assert.True(!untagged.Any(), $"Test classes in {need}/ without [Trait(Needs.Trait, Needs.{need})]: {string.Join(", ", untagged)}");
#endif
    }

    private static bool IsTest(MethodInfo method) => method.GetCustomAttributes<FactAttribute>().Any();

    private static bool IsNeed(CustomAttributeData attribute, string need) =>
        attribute.AttributeType == typeof(TraitAttribute)
        && Equals(attribute.ConstructorArguments[0].Value, Needs.Trait)
        && Equals(attribute.ConstructorArguments[1].Value, need);
}
