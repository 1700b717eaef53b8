using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Metadata;

/// <summary>How the files of an import combine into the record types the configuration holds.</summary>
public class RecordTypeMergerTests
{
    private const string ContactField = CrmMetadata.DefaultContactStatusField;

    private static readonly string[] PartnerValues = { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" };

    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();
    private readonly List<string> _notes = new();

    private static MetadataFile Read(string path) => MetadataReader.Read(path, ContactField);

    /// <summary>Every file of the fixture project StageMap reads, as a folder import reads them.</summary>
    private static MetadataFile[] Project() => new[]
    {
        RecordTypeProject.LeadStatusValueSet, RecordTypeProject.ContactStatusField, RecordTypeProject.LegacyProcess, RecordTypeProject.PartnerProcess,
        RecordTypeProject.LegacyLead, RecordTypeProject.PartnerLead, RecordTypeProject.CustomerContact,
    }.Select(Read).ToArray();

    /// <summary>The fixture Lead describe, with the record types the loopback org has.</summary>
    internal static MetadataFile LeadDescribe(bool withLegacy = true)
    {
        var describe = (JObject)JObject.Parse(File.ReadAllText(Fixtures.Salesforce("sf_cli_describe_Lead__stagemap.json")))["result"]!;
        var infos = (JArray)describe["recordTypeInfos"]!;
        if (withLegacy)
        {
            infos.Insert(0, Info("Legacy_Lead", "Legacy Lead", RecordTypeProject.LegacyLeadId, active: false));
        }

        infos.Insert(withLegacy ? 1 : 0, Info("Partner_Lead", "Partner Lead", RecordTypeProject.PartnerLeadId, active: true));
        return MetadataReader.Read(Encoding.UTF8.GetBytes(describe.ToString()), "/org/Lead describe", ContactField);
    }

    private static JObject Info(string developerName, string name, string id, bool active) => JObject.FromObject(new
    {
        active, available = active, defaultRecordTypeMapping = false, developerName, master = false, name, recordTypeId = id,
        urls = new { layout = $"/services/data/v62.0/sobjects/Lead/describe/layouts/{id}" },
    });

    private CrmRecordType Lead(string developerName) => _configuration.CrmMetadata.RecordTypesOf(CrmObject.Lead).Single(r => r.DeveloperName == developerName);

    [Fact]
    public void A_project_gives_each_record_type_the_values_of_its_process_and_its_own()
    {
        _configuration.ImportCrmMetadata(Project(), _notes);

        var partner = Lead("Partner_Lead");
        Assert.Equal("Partner Lead", partner.Name);
        Assert.Equal("Partner Process", partner.BusinessProcess);
        Assert.Equal(PartnerValues, partner.Values);
        Assert.Equal("Open - Not Contacted", partner.DefaultValue);
        Assert.Equal(new[] { "Closed - Converted" }, partner.ConvertedValues);
        Assert.Equal(RecordTypeProject.Folder, partner.SfdxProject);
        Assert.Null(partner.Id);
        var legacy = Lead("Legacy_Lead");
        Assert.False(legacy.IsActive);
        Assert.Equal(new[] { "Open - Not Contacted", "Closed - Not Converted" }, legacy.Values);
        Assert.Empty(legacy.ConvertedValues);
        var customer = _configuration.CrmMetadata.RecordTypesOf(CrmObject.Contact).Single();
        Assert.Equal(new[] { "Approaching", "New", "Replied", "Unresponsive" }, customer.Values);
        Assert.Empty(_notes);
        Assert.Contains("Partner_Lead.recordType-meta.xml", _configuration.CrmMetadata.Sources);
    }

    [Fact]
    public void The_org_gives_the_same_values_through_a_describe_and_the_UI_API_in_either_order()
    {
        var sfdx = StageMapConfiguration.CreateDefault();
        sfdx.ImportCrmMetadata(Project());

        _configuration.ImportCrmMetadata(new[] { Read(RecordTypeProject.PartnerLeadUiApi), LeadDescribe() }, _notes);

        var online = Lead("Partner_Lead");
        var offline = sfdx.CrmMetadata.RecordTypesOf(CrmObject.Lead).Single(r => r.DeveloperName == "Partner_Lead");
        Assert.Equal(offline.Values, online.Values);
        Assert.Equal(offline.DefaultValue, online.DefaultValue);
        Assert.Equal(new[] { "Closed - Converted" }, online.ConvertedValues);
        Assert.Equal(RecordTypeProject.PartnerLeadId, online.Id);
        Assert.Null(online.BusinessProcess);
        Assert.Equal(new[] { "Legacy_Lead", "Partner_Lead", "Master" }, _configuration.CrmMetadata.RecordTypesOf(CrmObject.Lead).Select(r => r.DeveloperName));
        Assert.Empty(_notes);
    }

    [Fact]
    public void The_master_record_type_offers_every_active_status_with_the_default()
    {
        _configuration.ImportCrmMetadata(new[] { Read(RecordTypeProject.LeadStatusValueSet), LeadDescribe() });

        var master = Lead("Master");
        Assert.True(master.IsMaster);
        Assert.Equal(CrmRecordType.MasterId, master.Id);
        Assert.Equal(new[] { "Open - Not Contacted", "Working - Contacted", "Nurturing", "Meeting Booked", "Closed - Converted", "Closed - Not Converted" }, master.Values);
        Assert.Equal("Open - Not Contacted", master.DefaultValue);
        Assert.Equal(new[] { "Closed - Converted" }, master.ConvertedValues);
        Assert.Empty(_configuration.CrmMetadata.RecordTypes.Single(r => r.IsMaster && r.Object == CrmObject.Lead).Values);
    }

    [Fact]
    public void A_describe_decides_which_record_types_there_are_and_keeps_what_it_does_not_state()
    {
        _configuration.ImportCrmMetadata(Project());

        _configuration.ImportCrmMetadata(new[] { LeadDescribe(withLegacy: false) });

        Assert.Equal(new[] { "Partner_Lead", "Master" }, _configuration.CrmMetadata.RecordTypesOf(CrmObject.Lead).Select(r => r.DeveloperName));
        var partner = Lead("Partner_Lead");
        Assert.Equal(PartnerValues, partner.Values);
        Assert.Equal(RecordTypeProject.PartnerLeadId, partner.Id);
        Assert.Equal(RecordTypeProject.Folder, partner.SfdxProject);
        Assert.Single(_configuration.CrmMetadata.RecordTypesOf(CrmObject.Contact));
    }

    [Fact]
    public void Without_a_describe_SFDX_record_types_are_added_or_updated_and_the_others_stay()
    {
        _configuration.ImportCrmMetadata(new[] { LeadDescribe() });

        _configuration.ImportCrmMetadata(new[] { Read(RecordTypeProject.PartnerLead), Read(RecordTypeProject.PartnerProcess) });

        Assert.Equal(new[] { "Legacy_Lead", "Partner_Lead", "Master" }, _configuration.CrmMetadata.RecordTypesOf(CrmObject.Lead).Select(r => r.DeveloperName));
        Assert.Equal(PartnerValues, Lead("Partner_Lead").Values);
        Assert.Equal(RecordTypeProject.PartnerLeadId, Lead("Partner_Lead").Id);
    }

    [Fact]
    public void A_record_type_whose_process_the_import_lacks_takes_the_values_another_record_type_of_that_process_has()
    {
        _configuration.ImportCrmMetadata(new[] { Read(RecordTypeProject.PartnerLead), Read(RecordTypeProject.PartnerProcess) });
        var reseller = new MetadataFile("/project/objects/Lead/recordTypes/Reseller_Lead.recordType-meta.xml", MetadataFormat.RecordType)
        {
            Object = CrmObject.Lead,
            RecordTypes = new[] { new RecordTypeFacts(CrmObject.Lead) { DeveloperName = "Reseller_Lead", Label = "Reseller Lead", IsActive = true, BusinessProcess = "partner process" } },
        };

        _configuration.ImportCrmMetadata(new[] { reseller }, _notes);

        Assert.Equal(PartnerValues, Lead("Reseller_Lead").Values);
        Assert.Empty(_notes);
    }

    [Fact]
    public void A_record_type_whose_process_is_nowhere_has_unknown_values_and_a_note_says_why()
    {
        _configuration.ImportCrmMetadata(new[] { Read(RecordTypeProject.PartnerLead) }, _notes);

        Assert.False(Lead("Partner_Lead").HasKnownValues);
        Assert.Contains("uses the Lead Process 'Partner Process', which this import did not include", Assert.Single(_notes));
    }

    [Fact]
    public void A_process_file_imported_later_gives_the_record_types_that_name_it_their_values()
    {
        _configuration.ImportCrmMetadata(new[] { Read(RecordTypeProject.PartnerLead) });

        _configuration.ImportCrmMetadata(new[] { Read(RecordTypeProject.PartnerProcess) });

        Assert.Equal(PartnerValues, Lead("Partner_Lead").Values);
    }

    [Fact]
    public void A_UI_API_answer_for_an_id_no_record_type_has_imports_nothing_and_says_so()
    {
        _configuration.ImportCrmMetadata(new[] { Read(RecordTypeProject.PartnerLeadUiApi) }, _notes);

        Assert.Empty(_configuration.CrmMetadata.RecordTypes);
        Assert.Contains($"The Lead record type with id {RecordTypeProject.PartnerLeadId} is not one StageMap knows", Assert.Single(_notes));
    }

    [Fact]
    public void A_record_type_that_changes_process_forgets_the_old_process_values()
    {
        _configuration.ImportCrmMetadata(Project());
        var moved = Read(RecordTypeProject.PartnerLead);

        _configuration.ImportCrmMetadata(new[] { moved with { RecordTypes = new[] { moved.RecordTypes[0] with { BusinessProcess = "Legacy Process" } } } });

        Assert.Equal(new[] { "Open - Not Contacted", "Closed - Not Converted" }, Lead("Partner_Lead").Values);
    }
}
