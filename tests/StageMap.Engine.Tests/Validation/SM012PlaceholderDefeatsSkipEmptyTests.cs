using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM012PlaceholderDefeatsSkipEmptyTests
{
    private static ConfigurationContent With(FieldMappingOptions options) => new()
    {
        FieldMappings = { new FieldMapping(CrmObject.Contact, "Title", "Title", SyncDirection.Bidirectional, options) },
    };

    [Fact]
    public void A_push_placeholder_with_SkipEmptyOnPush_is_a_warning()
    {
        var diagnostic = Assert.Single(Diagnose(With(new FieldMappingOptions { SkipEmptyOnPush = true, ExternalEmptyPlaceholder = "(none)" }), "SM012"));

        AssertAbout(diagnostic, Severity.Warning, CrmObject.Contact, "Title");
        Assert.Contains("ExternalEmptyPlaceholder '(none)' and SkipEmptyOnPush", diagnostic.Message);
        Assert.Contains("Set-FieldMapping -Object Contact -OutreachField 'Title' -SkipEmptyOnPush:$false", diagnostic.Message);
    }

    [Fact]
    public void A_pull_placeholder_with_SkipEmptyOnPull_is_a_warning()
    {
        var diagnostic = Assert.Single(Diagnose(With(new FieldMappingOptions { SkipEmptyOnPull = true, InternalEmptyPlaceholder = "n/a" }), "SM012"));

        Assert.Contains("InternalEmptyPlaceholder 'n/a' and SkipEmptyOnPull", diagnostic.Message);
    }

    [Fact]
    public void Both_directions_give_two_warnings()
    {
        var options = new FieldMappingOptions { SkipEmptyOnPush = true, ExternalEmptyPlaceholder = "-", SkipEmptyOnPull = true, InternalEmptyPlaceholder = "-" };

        Assert.Equal(2, Diagnose(With(options), "SM012").Count);
    }

    [Fact]
    public void Options_for_opposite_directions_are_fine()
    {
        Assert.Empty(Diagnose(With(new FieldMappingOptions { SkipEmptyOnPush = true, InternalEmptyPlaceholder = "-" }), "SM012"));
        Assert.Empty(Diagnose(With(new FieldMappingOptions { SkipEmptyOnPull = true, ExternalEmptyPlaceholder = "-" }), "SM012"));
    }

    [Fact]
    public void An_empty_placeholder_is_not_set()
    {
        Assert.Empty(Diagnose(With(new FieldMappingOptions { SkipEmptyOnPush = true, ExternalEmptyPlaceholder = "" }), "SM012"));
    }
}
