using System.Collections.Generic;

namespace StageMap.Engine.Model;

/// <summary>
/// The person fields a new configuration maps, as Outreach's plugin maps them out of the box: both
/// ways, no advanced options. The Stage mappings are not among them: the admin adds those as the
/// article describes.
/// </summary>
public static class DefaultFieldMappings
{
    public static IReadOnlyList<FieldMapping> All { get; } = new[]
    {
        Person(CrmObject.Lead, OutreachFields.FirstName, "FirstName"),
        Person(CrmObject.Lead, OutreachFields.LastName, "LastName"),
        Person(CrmObject.Lead, OutreachFields.Email, "Email"),
        Person(CrmObject.Lead, OutreachFields.Title, "Title"),
        Person(CrmObject.Lead, OutreachFields.Company, "Company"),
        Person(CrmObject.Contact, OutreachFields.FirstName, "FirstName"),
        Person(CrmObject.Contact, OutreachFields.LastName, "LastName"),
        Person(CrmObject.Contact, OutreachFields.Email, "Email"),
        Person(CrmObject.Contact, OutreachFields.Title, "Title"),
    };

    private static FieldMapping Person(CrmObject crmObject, OutreachField field, string crmField) =>
        new(crmObject, field.Name, crmField, SyncDirection.Bidirectional, FieldMappingOptions.None);
}
