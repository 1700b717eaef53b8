using System.IO;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.FieldMappings;

public class FieldMappingTests
{
    private static readonly FieldMappingOptions LeadStatusLookup = new()
    {
        LookupField = true,
        ExternalMappedField = true,
        ExternalMappedType = "LeadStatus",
        LookForName = true,
    };

    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    private byte[] Snapshot() => ConfigurationSerializer.ToBytes(_configuration.GetContent());

    private StageMapException Fails(System.Action action)
    {
        var before = Snapshot();
        var failure = Assert.Throws<StageMapException>(action);
        Assert.Equal(before, Snapshot());
        return failure;
    }

    [Fact]
    public void A_new_configuration_maps_the_standard_person_fields_both_ways_and_no_stage()
    {
        var expected = new[]
        {
            (CrmObject.Lead, "First Name", "FirstName"),
            (CrmObject.Lead, "Last Name", "LastName"),
            (CrmObject.Lead, "Email", "Email"),
            (CrmObject.Lead, "Title", "Title"),
            (CrmObject.Lead, "Company", "Company"),
            (CrmObject.Contact, "First Name", "FirstName"),
            (CrmObject.Contact, "Last Name", "LastName"),
            (CrmObject.Contact, "Email", "Email"),
            (CrmObject.Contact, "Title", "Title"),
        };

        Assert.Equal(expected, _configuration.FieldMappings.Select(m => (m.Object, m.OutreachField, m.CrmField)));
        Assert.All(_configuration.FieldMappings, m => Assert.Equal(SyncDirection.Bidirectional, m.Direction));
        Assert.All(_configuration.FieldMappings, m => Assert.Equal(FieldMappingOptions.None, m.Options));
        Assert.Null(_configuration.FindFieldMapping(CrmObject.Lead, "Stage"));
        Assert.Null(_configuration.FindFieldMapping(CrmObject.Contact, "Stage Name"));
    }

    [Fact]
    public void A_configuration_without_default_stages_still_maps_the_person_fields()
    {
        Assert.Equal(9, StageMapConfiguration.CreateDefault(withDefaultStages: false).FieldMappings.Count);
    }

    [Fact]
    public void The_article_Lead_Stage_Status_lookup_is_stored_with_its_options()
    {
        var mapping = _configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", options: LeadStatusLookup);

        Assert.Equal(new FieldMapping(CrmObject.Lead, "Stage", "Status", SyncDirection.Bidirectional, LeadStatusLookup), mapping);
        Assert.Equal(mapping, _configuration.FindFieldMapping(CrmObject.Lead, "stage"));
        Assert.Equal(mapping, _configuration.FieldMappings[_configuration.FieldMappings.Count - 1]);
    }

    [Fact]
    public void An_Outreach_field_given_by_API_attribute_is_stored_under_its_plugin_name()
    {
        var mapping = _configuration.AddFieldMapping(CrmObject.Contact, "  stageName ", "Contact_Status__c");

        Assert.Equal("Stage Name", mapping.OutreachField);
        Assert.Same(mapping, _configuration.FindFieldMapping(CrmObject.Contact, "STAGE NAME"));
    }

    [Fact]
    public void A_custom_Outreach_field_is_the_same_field_by_name_or_camelCase()
    {
        _configuration.AddFieldMapping(CrmObject.Lead, "Custom 7", "Score__c");

        var failure = Fails(() => _configuration.AddFieldMapping(CrmObject.Lead, "custom7", "Other__c"));

        Assert.Equal(ErrorIds.DuplicateFieldMapping, failure.ErrorId);
    }

    [Theory]
    [InlineData("First Name")]
    [InlineData("first name")]
    [InlineData("firstName")]
    public void Mapping_an_Outreach_field_twice_is_DuplicateFieldMapping_and_changes_nothing(string outreachField)
    {
        var failure = Fails(() => _configuration.AddFieldMapping(CrmObject.Lead, outreachField, "Nickname__c"));

        Assert.Equal(ErrorIds.DuplicateFieldMapping, failure.ErrorId);
        Assert.Equal(FailureCategory.ResourceExists, failure.Category);
        Assert.Equal(outreachField, failure.Target);
        Assert.Contains("'FirstName'", failure.Message);
    }

    [Theory]
    [InlineData("Title")]
    [InlineData("TITLE")]
    [InlineData("title")]
    public void Mapping_a_CRM_field_twice_ignoring_case_is_DuplicateFieldMapping(string crmField)
    {
        var failure = Fails(() => _configuration.AddFieldMapping(CrmObject.Contact, "Occupation", crmField));

        Assert.Equal(ErrorIds.DuplicateFieldMapping, failure.ErrorId);
        Assert.Equal(crmField, failure.Target);
        Assert.Contains("'Title'", failure.Message);
    }

    [Fact]
    public void The_same_fields_may_be_mapped_on_each_object()
    {
        _configuration.AddFieldMapping(CrmObject.Lead, "Stage Name", "Contact_Status__c");

        var contact = _configuration.AddFieldMapping(CrmObject.Contact, "Stage Name", "Contact_Status__c");

        Assert.Equal(CrmObject.Contact, contact.Object);
    }

    [Fact]
    public void ExternalMappedField_without_LookupField_is_refused_on_add()
    {
        var failure = Fails(() => _configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", options: new FieldMappingOptions { ExternalMappedField = true }));

        Assert.Equal(ErrorIds.ExternalMappedFieldRequiresLookup, failure.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, failure.Category);
        Assert.Equal("Stage", failure.Target);
    }

    [Theory]
    [InlineData(" ", "Status")]
    [InlineData("Stage", "")]
    public void A_blank_field_name_is_InvalidFieldName(string outreachField, string crmField)
    {
        var failure = Fails(() => _configuration.AddFieldMapping(CrmObject.Lead, outreachField, crmField));

        Assert.Equal(ErrorIds.InvalidFieldName, failure.ErrorId);
    }

    [Fact]
    public void Empty_text_options_mean_none_and_the_mapped_type_is_trimmed()
    {
        var mapping = _configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", options: LeadStatusLookup with
        {
            ExternalEmptyPlaceholder = "",
            InternalEmptyPlaceholder = "",
            ExternalMappedType = " LeadStatus ",
        });

        Assert.Equal(LeadStatusLookup, mapping.Options);
    }

    [Fact]
    public void A_CRM_field_the_metadata_lists_takes_the_metadata_spelling()
    {
        var content = StageMapConfiguration.CreateDefault().GetContent();
        content.CrmMetadata = new CrmMetadata { LeadFields = new[] { "LeadSource", "Status" } };
        var configuration = new StageMapConfiguration(content);

        Assert.Equal("LeadSource", configuration.AddFieldMapping(CrmObject.Lead, "Source", "leadsource").CrmField);
        Assert.Equal("Custom__c", configuration.AddFieldMapping(CrmObject.Lead, "Tags", "Custom__c").CrmField);
    }

    [Fact]
    public void Update_changes_only_what_is_given()
    {
        _configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", options: LeadStatusLookup);

        var updated = _configuration.UpdateFieldMapping(CrmObject.Lead, "stage", new FieldMappingChange { SkipEmptyOnPush = true, ExternalEmptyPlaceholder = "#N/A" });

        Assert.Equal(LeadStatusLookup with { SkipEmptyOnPush = true, ExternalEmptyPlaceholder = "#N/A" }, updated.Options);
        Assert.Equal(SyncDirection.Bidirectional, updated.Direction);
        Assert.Equal(updated, _configuration.FindFieldMapping(CrmObject.Lead, "Stage"));
    }

    [Fact]
    public void Update_turns_options_off_clears_text_and_changes_the_direction()
    {
        _configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", options: LeadStatusLookup with { DisplayName = true, InternalEmptyPlaceholder = "-" });

        var updated = _configuration.UpdateFieldMapping(CrmObject.Lead, "Stage", new FieldMappingChange
        {
            Direction = SyncDirection.FromCrm,
            DisplayName = false,
            InternalEmptyPlaceholder = "",
            ExternalMappedType = "",
        });

        Assert.Equal(SyncDirection.FromCrm, updated.Direction);
        Assert.Equal(LeadStatusLookup with { ExternalMappedType = null }, updated.Options);
    }

    [Fact]
    public void Turning_LookupField_off_while_ExternalMappedField_stays_on_is_refused()
    {
        _configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", options: LeadStatusLookup);

        var failure = Fails(() => _configuration.UpdateFieldMapping(CrmObject.Lead, "Stage", new FieldMappingChange { LookupField = false }));

        Assert.Equal(ErrorIds.ExternalMappedFieldRequiresLookup, failure.ErrorId);
        Assert.Equal("Stage", failure.Target);
    }

    [Fact]
    public void Turning_both_LookupField_and_ExternalMappedField_off_is_allowed()
    {
        _configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", options: LeadStatusLookup);

        var updated = _configuration.UpdateFieldMapping(CrmObject.Lead, "Stage", new FieldMappingChange { LookupField = false, ExternalMappedField = false });

        Assert.False(updated.Options.LookupField);
        Assert.False(updated.Options.ExternalMappedField);
        Assert.Equal("LeadStatus", updated.Options.ExternalMappedType);
    }

    [Fact]
    public void Turning_ExternalMappedField_on_without_LookupField_is_refused()
    {
        var failure = Fails(() => _configuration.UpdateFieldMapping(CrmObject.Lead, "Email", new FieldMappingChange { ExternalMappedField = true }));

        Assert.Equal(ErrorIds.ExternalMappedFieldRequiresLookup, failure.ErrorId);
    }

    [Fact]
    public void Update_and_remove_of_a_field_not_mapped_on_that_object_is_FieldMappingNotFound()
    {
        var update = Fails(() => _configuration.UpdateFieldMapping(CrmObject.Contact, "Company", new FieldMappingChange { SkipEmptyOnPull = true }));
        var remove = Fails(() => _configuration.RemoveFieldMapping(CrmObject.Lead, "Stage"));

        Assert.Equal(ErrorIds.FieldMappingNotFound, update.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, update.Category);
        Assert.Equal("Company", update.Target);
        Assert.Contains("Contact", update.Message);
        Assert.Equal(ErrorIds.FieldMappingNotFound, remove.ErrorId);
    }

    [Fact]
    public void An_update_that_changes_nothing_needs_no_save()
    {
        using var folder = new TempDirectory();
        var path = folder.File("m.json");
        ConfigurationStore.Create(_configuration, path, force: false);
        File.WriteAllText(path, "edited elsewhere");

        using (var edit = _configuration.BeginEdit())
        {
            _configuration.UpdateFieldMapping(CrmObject.Lead, "Email", new FieldMappingChange { Direction = SyncDirection.Bidirectional, SkipEmptyOnPush = false });
            edit.Complete();
        }

        Assert.Equal("edited elsewhere", File.ReadAllText(path));
    }

    [Fact]
    public void Remove_returns_the_removed_mapping_by_either_name()
    {
        var removed = _configuration.RemoveFieldMapping(CrmObject.Contact, "lastName");

        Assert.Equal(new FieldMapping(CrmObject.Contact, "Last Name", "LastName", SyncDirection.Bidirectional, FieldMappingOptions.None), removed);
        Assert.Null(_configuration.FindFieldMapping(CrmObject.Contact, "Last Name"));
        Assert.NotNull(_configuration.FindFieldMapping(CrmObject.Lead, "Last Name"));
    }

    [Fact]
    public void GetFieldMappings_finds_a_field_on_every_object_lead_first()
    {
        _configuration.RemoveFieldMapping(CrmObject.Lead, "Title");
        _configuration.AddFieldMapping(CrmObject.Lead, "title", "Title");

        var found = _configuration.GetFieldMappings("TITLE");

        Assert.Equal(new[] { CrmObject.Lead, CrmObject.Contact }, found.Select(m => m.Object).ToArray());
        Assert.Equal(CrmObject.Contact, Assert.Single(_configuration.GetFieldMappings("title", CrmObject.Contact)).Object);
    }

    [Fact]
    public void GetFieldMappings_of_an_unmapped_field_is_FieldMappingNotFound()
    {
        var anywhere = Assert.Throws<StageMapException>(() => _configuration.GetFieldMappings("Stage"));
        var onContact = Assert.Throws<StageMapException>(() => _configuration.GetFieldMappings("Company", CrmObject.Contact));

        Assert.Equal(ErrorIds.FieldMappingNotFound, anywhere.ErrorId);
        Assert.Contains("any object", anywhere.Message);
        Assert.Equal(ErrorIds.FieldMappingNotFound, onContact.ErrorId);
        Assert.Contains("Contact", onContact.Message);
    }

    [Fact]
    public void Field_mappings_survive_a_save_and_a_load()
    {
        using var folder = new TempDirectory();
        var path = folder.File("m.json");
        _configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", options: LeadStatusLookup);
        _configuration.AddFieldMapping(CrmObject.Contact, "Stage Name", "Contact_Status__c", SyncDirection.ToCrm, new FieldMappingOptions { SkipEmptyOnPush = true, InternalEmptyPlaceholder = "n/a" });

        ConfigurationStore.Create(_configuration, path, force: false);

        Assert.Equal(_configuration.FieldMappings, ConfigurationStore.Load(path).FieldMappings);
    }
}
