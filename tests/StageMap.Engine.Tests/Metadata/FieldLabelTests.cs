using System.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Metadata;

/// <summary>Where a describe gives a field's label, the click-path shows it as the UI does, with the API name beside it.</summary>
public class FieldLabelTests
{
    private static CrmMetadata Imported(params string[] fixtures) =>
        CrmMetadataMerger.Merge(CrmMetadata.Empty, fixtures.Select(f => MetadataReader.Read(Fixtures.Salesforce(f), CrmMetadata.DefaultContactStatusField)).ToList());

    [Fact]
    public void A_describe_gives_each_field_its_label()
    {
        var metadata = Imported("sf_cli_describe_Lead__stagemap.json", "sf_rest_describe_Contact__stagemap.json");

        Assert.Equal("Lead Status", metadata.LabelOf(CrmObject.Lead, "Status"));
        Assert.Equal("Lead Status", metadata.LabelOf(CrmObject.Lead, "status"));
        Assert.Equal("Contact Status", metadata.LabelOf(CrmObject.Contact, "Contact_Status__c"));
        Assert.Null(metadata.LabelOf(CrmObject.Contact, "Status"));
        Assert.Equal(metadata.LeadFields.Count, metadata.LeadFieldLabels.Count);
    }

    [Fact]
    public void A_query_or_SFDX_file_gives_no_labels_and_keeps_the_describe_s()
    {
        var metadata = Imported("sf_cli_describe_Lead__stagemap.json");
        var after = CrmMetadataMerger.Merge(metadata, new[] { MetadataReader.Read(Fixtures.Salesforce("sf_rest_query_LeadStatus__stagemap.json"), CrmMetadata.DefaultContactStatusField) });

        Assert.Equal("Lead Status", after.LabelOf(CrmObject.Lead, "Status"));
    }

    [Fact]
    public void Labels_are_saved_in_the_configuration_file_and_read_back_and_a_file_without_them_still_reads()
    {
        var content = new ConfigurationContent { CrmMetadata = Imported("sf_cli_describe_Lead__stagemap.json") };

        var bytes = ConfigurationSerializer.ToBytes(content);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var read = ConfigurationSerializer.FromBytes(bytes, "m.json");

        Assert.Contains("\"leadFieldLabels\"", text);
        Assert.DoesNotContain("\"contactFieldLabels\"", text);
        Assert.Equal(content.CrmMetadata.LeadFieldLabels, read.CrmMetadata.LeadFieldLabels);
        Assert.Empty(ConfigurationSerializer.FromBytes(ConfigurationSerializer.ToBytes(new ConfigurationContent()), "m.json").CrmMetadata.LeadFieldLabels);
        Assert.DoesNotContain("FieldLabels", System.Text.Encoding.UTF8.GetString(ConfigurationSerializer.ToBytes(new ConfigurationContent())));
    }

    [Theory]
    [InlineData(Experience.ClassicPlugin, "Click Add and map the Outreach field 'Stage' to the CRM field 'Lead Status' (Status).")]
    [InlineData(Experience.EnhancedCrmSync, "Click Add mapping and map the Outreach field 'Stage' to the CRM field 'Lead Status' (Status).")]
    public void The_procedure_names_the_CRM_field_by_its_label_with_the_API_name_beside_it(Experience experience, string expected)
    {
        var configuration = new StageMapConfiguration(new ConfigurationContent { Experience = experience, CrmMetadata = Imported("sf_cli_describe_Lead__stagemap.json", "sf_rest_describe_Contact__stagemap.json") });
        configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", options: new FieldMappingOptions { LookupField = true, ExternalMappedField = true, ExternalMappedType = "LeadStatus", LookForName = true });
        configuration.AddFieldMapping(CrmObject.Contact, "Stage Name", "Contact_Status__c");
        var builder = ProcedureBuilder.For(experience);

        var steps = builder.Build(configuration);

        Assert.Contains(steps, s => s.Action == expected && s.Value == "Stage <> Status");
        Assert.Contains(steps, s => s.Action.EndsWith("the CRM field 'Contact Status' (Contact_Status__c).", System.StringComparison.Ordinal));
        Assert.Contains("`Lead Status` (`Status`)", ProcedureMarkdown.Render(builder.Title, steps));
    }
}
