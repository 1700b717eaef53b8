using System.IO;
using System.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;

namespace StageMap.Engine.Tests.Support;

/// <summary>The SFDX fixture project with record types (tests/fixtures/salesforce/record_types_sfdx_project__stagemap), and copies of it.</summary>
public static class RecordTypeProject
{
    public static string Folder { get; } = Fixtures.Salesforce("record_types_sfdx_project__stagemap");

    public static string Source(string relative) => Path.Combine(Folder, "force-app", "main", "default", relative);

    public static string PartnerProcess => Source("objects/Lead/businessProcesses/Partner Process.businessProcess-meta.xml");

    public static string LegacyProcess => Source("objects/Lead/businessProcesses/Legacy Process.businessProcess-meta.xml");

    public static string PartnerLead => Source("objects/Lead/recordTypes/Partner_Lead.recordType-meta.xml");

    public static string LegacyLead => Source("objects/Lead/recordTypes/Legacy_Lead.recordType-meta.xml");

    public static string CustomerContact => Source("objects/Contact/recordTypes/Customer_Contact.recordType-meta.xml");

    public static string LeadStatusValueSet => Source("standardValueSets/LeadStatus.standardValueSet-meta.xml");

    public static string ContactStatusField => Source("objects/Contact/fields/Contact_Status__c.field-meta.xml");

    /// <summary>The UI API's answer for the Partner Lead record type's Status values.</summary>
    public static string PartnerLeadUiApi => Fixtures.Salesforce("sf_uiapi_picklist_values_Lead_Partner_Lead__stagemap.json");

    public const string PartnerLeadId = "0128c000001PtLdAAK";

    public const string LegacyLeadId = "0128c000001LgLdAAK";

    public const string CustomerContactId = "0128c000001CuCtAAK";

    /// <summary>
    /// A configuration as an admin leaves it after importing the project at <paramref name="folder"/>:
    /// every active lead status mapped to a stage of its name, the Lead Stage lookup and, with
    /// <paramref name="withContactMapping"/>, the Contact Stage Name mapping.
    /// </summary>
    public static StageMapConfiguration Mapped(string? folder = null, bool withContactMapping = false, SyncDirection leadDirection = SyncDirection.Bidirectional)
    {
        var configuration = StageMapConfiguration.CreateDefault();
        configuration.ImportCrmMetadata(MetadataFolder.Read(folder ?? Folder, CrmMetadata.DefaultContactStatusField).Files);
        foreach (var match in configuration.MatchCrmLeadStatuses(createMissingStages: true).Where(m => m.Stage is not null))
        {
            configuration.ApplyCrmStatusMatch(match);
        }

        configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", leadDirection, new FieldMappingOptions { LookupField = true, ExternalMappedField = true, ExternalMappedType = "LeadStatus", LookForName = true });
        if (withContactMapping)
        {
            configuration.AddFieldMapping(CrmObject.Contact, "Stage Name", CrmMetadata.DefaultContactStatusField);
        }

        return configuration;
    }

    /// <summary>A copy of the project in <paramref name="into"/>, for a test that writes to it.</summary>
    public static string CopyTo(string into)
    {
        foreach (var file in Directory.GetFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(into, PortablePaths.Relative(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return into;
    }
}
