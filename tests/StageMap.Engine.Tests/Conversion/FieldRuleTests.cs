using System.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Model;
using Xunit;
using static StageMap.Engine.Tests.Conversion.Configs;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>The conversion steps (docs/design.md, Conversion) for a plain field, step by step, in both directions.</summary>
public class FieldRuleTests
{
    // Direction filtering

    [Fact]
    public void Pull_uses_Bidirectional_and_FromCrm_mappings_only()
    {
        var configuration = With(Lead("First Name", "FirstName"), Lead("Title", "Title", direction: SyncDirection.FromCrm), Lead("Company", "Company", direction: SyncDirection.ToCrm));

        var prospect = Pull(configuration, Record(("FirstName", "Ada"), ("Title", "CTO"), ("Company", "Acme")));

        Assert.Equal(new[] { "firstName", "title" }, prospect.Fields().Keys);
    }

    [Fact]
    public void Push_uses_Bidirectional_and_ToCrm_mappings_only()
    {
        var configuration = With(Lead("First Name", "FirstName"), Lead("Title", "Title", direction: SyncDirection.FromCrm), Lead("Company", "Company", direction: SyncDirection.ToCrm));

        var lead = Push(configuration, Record(("firstName", "Ada"), ("title", "CTO"), ("company", "Acme")));

        Assert.Equal(new[] { "FirstName", "Company" }, lead.Fields().Keys);
    }

    [Theory]
    [InlineData(ConversionDirection.Pull, SyncDirection.ToCrm)]
    [InlineData(ConversionDirection.Push, SyncDirection.FromCrm)]
    public void No_mapping_for_the_direction_is_NoConversionMappings(ConversionDirection direction, SyncDirection only)
    {
        var configuration = With(Lead("First Name", "FirstName", direction: only));

        var failure = Assert.Throws<StageMapException>(() => ConversionPlan.Create(configuration, CrmObject.Lead, direction));

        Assert.Equal(ErrorIds.NoConversionMappings, failure.ErrorId);
    }

    [Fact]
    public void Only_the_object_s_own_mappings_apply()
    {
        var configuration = With(Lead("First Name", "FirstName"), Contact("Last Name", "LastName"));

        var prospect = Pull(configuration, Record(("FirstName", "Ada"), ("LastName", "Lovelace")), CrmObject.Contact);

        Assert.Equal(new[] { "lastName" }, prospect.Fields().Keys);
    }

    // Step 1: blanks

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Null_empty_and_white_space_are_blank_and_clear_the_target(string? value)
    {
        var configuration = With(Lead("Title", "Title"));

        Assert.Null(Pull(configuration, Record(("Title", value)))["title"]);
        Assert.True(Pull(configuration, Record(("Title", value))).TryGetValue("title", out _));
        Assert.True(Push(configuration, Record(("title", value))).TryGetValue("Title", out var pushed));
        Assert.Null(pushed);
    }

    [Fact]
    public void On_pull_the_external_placeholder_is_blank()
    {
        var configuration = With(Lead("Title", "Title", new FieldMappingOptions { ExternalEmptyPlaceholder = "[none]" }));

        var prospect = Pull(configuration, Record(("Title", "[none]")));

        Assert.True(prospect.TryGetValue("title", out var title));
        Assert.Null(title);
    }

    [Fact]
    public void On_push_the_internal_placeholder_is_blank()
    {
        var configuration = With(Lead("Title", "Title", new FieldMappingOptions { InternalEmptyPlaceholder = "n/a" }));

        var lead = Push(configuration, Record(("title", "n/a")));

        Assert.True(lead.TryGetValue("Title", out var title));
        Assert.Null(title);
    }

    [Theory]
    [InlineData("[NONE]")]
    [InlineData(" [none]")]
    [InlineData("[none] ")]
    public void A_placeholder_matches_exactly_only(string value)
    {
        var configuration = With(Lead("Title", "Title", new FieldMappingOptions { ExternalEmptyPlaceholder = "[none]" }));

        Assert.Equal(value, Pull(configuration, Record(("Title", value)))["title"]);
    }

    [Fact]
    public void The_own_side_s_placeholder_is_a_value_on_pull()
    {
        var configuration = With(Lead("Title", "Title", new FieldMappingOptions { InternalEmptyPlaceholder = "n/a" }));

        Assert.Equal("n/a", Pull(configuration, Record(("Title", "n/a")))["title"]);
    }

    [Fact]
    public void A_value_keeps_its_spaces_and_its_type()
    {
        var configuration = With(Lead("Title", "Title"), Lead("Employees", "NumberOfEmployees"));

        var prospect = Pull(configuration, Record(("Title", "  VP  "), ("NumberOfEmployees", 130L)));

        Assert.Equal("  VP  ", prospect["title"]);
        Assert.Equal(130L, prospect["employees"]);
    }

    // Step 2: placeholder for the target side

    [Fact]
    public void A_blank_gets_the_internal_placeholder_on_pull()
    {
        var configuration = With(Lead("Title", "Title", new FieldMappingOptions { InternalEmptyPlaceholder = "n/a", ExternalEmptyPlaceholder = "[none]" }));

        Assert.Equal("n/a", Pull(configuration, Record(("Title", "")))["title"]);
        Assert.Equal("n/a", Pull(configuration, Record(("Title", "[none]")))["title"]);
    }

    [Fact]
    public void A_blank_gets_the_external_placeholder_on_push()
    {
        var configuration = With(Lead("Title", "Title", new FieldMappingOptions { InternalEmptyPlaceholder = "n/a", ExternalEmptyPlaceholder = "[none]" }));

        Assert.Equal("[none]", Push(configuration, Record(("title", null)))["Title"]);
        Assert.Equal("[none]", Push(configuration, Record(("title", "n/a")))["Title"]);
    }

    [Fact]
    public void The_placeholder_wins_over_skip_empty()
    {
        var configuration = With(Lead("Title", "Title", new FieldMappingOptions { InternalEmptyPlaceholder = "n/a", SkipEmptyOnPull = true }));

        Assert.Equal("n/a", Pull(configuration, Record(("Title", " ")))["title"]);
    }

    // Step 3: skip empty for that direction

    [Fact]
    public void SkipEmptyOnPull_leaves_a_blank_out_on_pull_only()
    {
        var configuration = With(Lead("Title", "Title", new FieldMappingOptions { SkipEmptyOnPull = true }));

        Assert.False(Pull(configuration, Record(("Title", ""), ("Id", "00Q5g00000AbCdEEAV"))).TryGetValue("title", out _));
        Assert.True(Push(configuration, Record(("title", ""))).TryGetValue("Title", out _));
    }

    [Fact]
    public void SkipEmptyOnPush_leaves_a_blank_out_on_push_only()
    {
        var configuration = With(Lead("Title", "Title", new FieldMappingOptions { SkipEmptyOnPush = true }));

        Assert.False(Push(configuration, Record(("title", ""), ("salesforceId", "00Q5g00000AbCdEEAV"))).TryGetValue("Title", out _));
        Assert.True(Pull(configuration, Record(("Title", ""))).TryGetValue("title", out _));
    }

    // Step 4 and fields the record does not carry

    [Fact]
    public void A_field_the_record_does_not_carry_is_left_out_not_cleared()
    {
        var configuration = With(Lead("First Name", "FirstName"), Lead("Title", "Title"));

        var prospect = Pull(configuration, Record(("FirstName", "Ada")));

        Assert.False(prospect.TryGetValue("title", out _));
    }

    [Fact]
    public void CRM_field_names_match_ignoring_case_and_values_compare_exactly()
    {
        var configuration = With(Lead("First Name", "FirstName"));

        Assert.Equal("ada", Pull(configuration, Record(("FIRSTNAME", "ada")))["firstName"]);
        Assert.Equal("ada", Push(configuration, Record(("FirstName", "ada")))["FirstName"]);
    }

    [Fact]
    public void Push_takes_the_plugin_name_of_a_field_too()
    {
        var configuration = With(Lead("First Name", "FirstName"));

        Assert.Equal("Ada", Push(configuration, Record(("First Name", "Ada")))["FirstName"]);
    }

    // Lists

    [Fact]
    public void On_pull_list_attributes_are_lists_and_a_CRM_text_splits_on_semicolons()
    {
        var configuration = With(Lead("Email", "Email"), Lead("Tags", "Interests__c"));

        var prospect = Pull(configuration, Record(("Email", "ada@example.com"), ("Interests__c", "Math; Engines;")));

        Assert.Equal(new object?[] { "ada@example.com" }, (ValueList)prospect["emails"]!);
        Assert.Equal(new object?[] { "Math", "Engines" }, (ValueList)prospect["tags"]!);
    }

    [Fact]
    public void A_blank_list_is_an_empty_list_or_the_placeholder_alone()
    {
        var configuration = With(Lead("Email", "Email"), Lead("Tags", "Interests__c", new FieldMappingOptions { InternalEmptyPlaceholder = "none" }));

        var prospect = Pull(configuration, Record(("Email", ""), ("Interests__c", null)));

        Assert.Empty((ValueList)prospect["emails"]!);
        Assert.Equal(new object?[] { "none" }, (ValueList)prospect["tags"]!);
    }

    [Fact]
    public void On_push_a_contact_point_sends_its_first_value_and_tags_are_joined()
    {
        var configuration = With(Lead("Email", "Email"), Lead("Work Phone", "Phone"), Lead("Tags", "Interests__c"));

        var lead = Push(configuration, Record(("emails", new ValueList { "", "ada@example.com", "a@b.c" }), ("workPhones", "555;666"), ("tags", new ValueList { "Math", "Engines" })));

        Assert.Equal("ada@example.com", lead["Email"]);
        Assert.Equal("555", lead["Phone"]);
        Assert.Equal("Math;Engines", lead["Interests__c"]);
    }

    [Fact]
    public void An_empty_list_is_blank_on_push()
    {
        var configuration = With(Lead("Email", "Email", new FieldMappingOptions { ExternalEmptyPlaceholder = "none@example.com" }));

        Assert.Equal("none@example.com", Push(configuration, Record(("emails", new ValueList())))["Email"]);
    }

    [Fact]
    public void A_one_value_list_is_that_value_for_a_scalar_field()
    {
        var configuration = With(Lead("Title", "Title"));

        Assert.Equal("CTO", Pull(configuration, Record(("Title", new ValueList { "CTO" })))["title"]);
    }

    // InvalidRecord

    [Fact]
    public void A_longer_list_in_a_scalar_field_is_InvalidRecord()
    {
        var failure = PullFails(With(Lead("Title", "Title")), Record(("Title", new ValueList { "CTO", "CEO" })));

        Assert.Equal(ErrorIds.InvalidRecord, failure.ErrorId);
        Assert.Equal("Title", failure.Field);
    }

    [Fact]
    public void An_object_in_a_mapped_field_is_InvalidRecord()
    {
        var failure = PushFails(With(Lead("Title", "Title")), Record(("title", Record(("x", 1)))));

        Assert.Equal(ErrorIds.InvalidRecord, failure.ErrorId);
    }

    [Fact]
    public void A_record_of_another_object_type_is_InvalidRecord()
    {
        var account = Record(("attributes", Record(("type", "Account"))), ("Name", "GenePoint"));

        var failure = PullFails(With(Contact("First Name", "FirstName")), account, CrmObject.Contact);

        Assert.Equal(ErrorIds.InvalidRecord, failure.ErrorId);
        Assert.Contains("Account", failure.Message);
    }

    [Fact]
    public void A_record_with_none_of_the_mapped_fields_is_InvalidRecord()
    {
        var failure = PullFails(With(Lead("First Name", "FirstName"), Lead("Title", "Title")), Record(("Name", "GenePoint")));

        Assert.Equal(ErrorIds.InvalidRecord, failure.ErrorId);
        Assert.Contains("FirstName, Title", failure.Message);
    }

    [Fact]
    public void A_record_with_a_field_twice_is_InvalidRecord()
    {
        var failure = PullFails(With(Lead("First Name", "FirstName")), Record(("FirstName", "Ada"), ("firstname", "Bob")));

        Assert.Equal(ErrorIds.InvalidRecord, failure.ErrorId);
    }

    [Fact]
    public void A_null_record_is_InvalidRecord()
    {
        var result = ConversionPlan.Create(With(Lead("First Name", "FirstName")), CrmObject.Lead, ConversionDirection.Pull).Convert(null);

        Assert.Equal(ErrorIds.InvalidRecord, result.Failure!.ErrorId);
    }

    // The record id

    [Fact]
    public void The_Salesforce_id_travels_as_salesforceId_and_back_as_Id()
    {
        var configuration = With(Lead("First Name", "FirstName"));

        var prospect = Pull(configuration, Record(("Id", "00Q5g00000AbCdEEAV"), ("FirstName", "Ada")));
        var lead = Push(configuration, Record(("id", 42), ("salesforceId", "00Q5g00000AbCdEEAV"), ("firstName", "Ada")));

        Assert.Equal("00Q5g00000AbCdEEAV", prospect[ConversionPlan.SalesforceIdAttribute]);
        Assert.Equal("00Q5g00000AbCdEEAV", lead["Id"]);
        Assert.Equal(new[] { "Id", "FirstName" }, lead.Fields().Keys);
    }

    [Fact]
    public void A_query_record_without_Id_gives_the_id_of_its_url()
    {
        var contact = Record(("attributes", Record(("type", "Contact"), ("url", "/services/data/v53.0/sobjects/Contact/0037Q000007vKjpQAE"))), ("FirstName", "Edna"));

        var prospect = Pull(With(Contact("First Name", "FirstName")), contact, CrmObject.Contact);

        Assert.Equal("0037Q000007vKjpQAE", prospect["salesforceId"]);
        Assert.Equal(new[] { "salesforceId", "firstName" }, prospect.Fields().Keys);
    }

    [Fact]
    public void Dictionaries_match_keys_ignoring_case_even_when_they_do_not()
    {
        var dictionary = new System.Collections.Generic.Dictionary<string, object?> { ["firstname"] = "Ada" };

        Assert.Equal("Ada", Pull(With(Lead("First Name", "FirstName")), new DictionaryRecord(dictionary))["firstName"]);
    }

    [Fact]
    public void The_plan_lists_its_output_fields_id_first()
    {
        var plan = ConversionPlan.Create(With(Lead("Stage", "Status", StageLookup(displayName: true)), Lead("First Name", "FirstName")), CrmObject.Lead, ConversionDirection.Pull);

        Assert.Equal(new[] { "salesforceId", "stage", "stageName", "firstName" }, plan.OutputFields);
        Assert.Equal(new[] { "Status", "FirstName" }, plan.SourceFields.ToArray());
    }
}
