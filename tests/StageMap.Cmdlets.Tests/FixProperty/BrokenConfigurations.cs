using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace StageMap.Cmdlets.Tests.FixProperty;

/// <summary>
/// A seeded generator of broken configuration files: a sound configuration (stages named as the lead
/// and contact statuses, each status mapped to its stage, the Lead Stage &lt;&gt; Status lookup, the
/// Contact Stage Name mapping, CRM metadata with or without LeadStatus ids and labels) with one or two
/// breakages, each the state one rule exists to catch, written as a hand-edited file would be. A record
/// type comes with the SFDX project it was read from, as an import of that project would leave it.
/// </summary>
internal sealed class BrokenConfigurations
{
    private static readonly string[] Names = { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" };

    private static readonly (string Name, Action<Model, Random> Apply)[] Breakages =
    {
        ("SM001 a stage mapped by a second status", (m, r) => { m.AddCrmStatus("Nurturing"); m.Map("Nurturing", m.StageIds[r.Next(m.StageIds.Count)]); }),
        ("SM002 a status mapped twice", (m, r) => { var i = r.Next(Names.Length); m.Map(Names[i], i + 1); }),
        ("SM003 a status in the wrong case", (m, r) => m.RespellMapping(r.Next(Names.Length), s => s.ToLowerInvariant())),
        ("SM003 a status with spaces lost", (m, r) => m.RespellMapping(r.Next(Names.Length), s => s.Replace(" - ", "-"))),
        ("SM003 a status by its label", (m, r) => { var i = r.Next(Names.Length); m.LeadLabels[i] = "Label " + i; m.RespellMapping(i, _ => "Label " + i); }),
        ("SM003 a status the CRM does not have", (m, r) => m.RespellMapping(r.Next(Names.Length), _ => "Qualified")),
        ("SM004 a status left unmapped", (m, r) => m.Unmap(r.Next(Names.Length))),
        ("SM005 a stage of a status no one maps", (m, r) => { m.AddCrmStatus("Nurture"); m.AddStage("Nurture"); }),
        ("SM006 no Stage mapping", (m, r) => m.RemoveFieldMapping("Lead", "Stage")),
        ("SM006 a Stage mapping without the lookup options", (m, r) => m.LeadStage["options"] = new JsonObject { ["lookupField"] = r.Next(2) == 0 }),
        ("SM006 a Stage lookup of another type", (m, r) => m.LeadStageOptions["externalMappedType"] = "User"),
        ("SM006 a Stage mapping to another CRM field", (m, r) => m.LeadStage["crmField"] = "Lead_Stage__c"),
        ("SM007 a CRM field mapped from two Outreach fields", (m, r) => m.AddFieldMapping("Lead", "Source", "Email")),
        ("SM008 a Mapped field without Lookup field", (m, r) => m.AddFieldMapping("Lead", "State", "State", new JsonObject { ["externalMappedField"] = true })),
        ("SM008 the Stage lookup without Lookup field", (m, r) => m.LeadStageOptions.Remove("lookupField")),
        ("SM009 a standard contact status field", (m, r) => m.ContactStageName["crmField"] = "Description"),
        ("SM010 a stage spelt unlike the contact status", (m, r) => m.RenameStage(r.Next(Names.Length), s => s.ToUpperInvariant())),
        ("SM010 a contact status with no stage", (m, r) => m.AddContactStatus("Recycled")),
        ("SM010 a stage the contact status picklist lacks", (m, r) => m.AddStage("Qualified")),
        ("SM012 a push placeholder with skip-empty", (m, r) => m.AddFieldMapping("Lead", "Company", "Company", new JsonObject { ["externalEmptyPlaceholder"] = "[none]", ["skipEmptyOnPush"] = true })),
        ("SM012 a pull placeholder with skip-empty", (m, r) => m.AddFieldMapping("Lead", "Title", "Title", new JsonObject { ["internalEmptyPlaceholder"] = "n/a", ["skipEmptyOnPull"] = true })),
        ("SM013 a mapping to a stage id no stage has", (m, r) => { m.AddCrmStatus("Recycled"); m.Map("Recycled", 99); }),
        ("SM014 a mapped status inactive in the CRM", (m, r) => m.InactiveLead.Add(r.Next(Names.Length))),
        ("SM015 a lookup by record id without ids", (m, r) => { m.LeadStageOptions.Remove("lookForName"); m.WithIds = false; }),
        ("SM016 a Lead Process lacking a mapped status", (m, r) => m.AddRecordType("Lead", "Partner_Lead", "Partner Lead", r.Next(Names.Length))),
        ("SM016 a Contact record type lacking a stage name", (m, r) => m.AddRecordType("Contact", "Customer_Contact", "Customer Contact", r.Next(Names.Length))),
    };

    /// <summary>Where a configuration's record types name their SFDX project; the test puts a copy of the project there.</summary>
    public const string ProjectToken = "@@SFDX-PROJECT@@";

    /// <summary>The breakage names, for a test that wants each at least once.</summary>
    public static int BreakageCount => Breakages.Length;

    /// <summary>
    /// Configuration <paramref name="seed"/>: breakage <c>seed % BreakageCount</c> (so every breakage
    /// comes up), a second random one for half of the seeds, on a randomly varied sound base.
    /// </summary>
    /// <returns>The file's JSON, and the files of the SFDX project its record types come from (none without record types).</returns>
    public static (string Description, string Json, IReadOnlyDictionary<string, string> Project) Generate(int seed)
    {
        var random = new Random(seed);
        var model = new Model { WithIds = random.Next(2) == 0 };
        var chosen = new List<int> { seed % Breakages.Length };
        if (random.Next(2) == 0)
        {
            chosen.Add(random.Next(Breakages.Length));
        }

        foreach (var index in chosen.Distinct())
        {
            Breakages[index].Apply(model, random);
        }

        return (string.Join(" + ", chosen.Distinct().Select(i => Breakages[i].Name)) + (model.WithIds ? " (with ids)" : " (no ids)"), model.ToJson(), model.Project());
    }

    /// <summary>A configuration file under construction.</summary>
    private sealed class Model
    {
        private readonly List<(string Name, int Id)> _stages = Names.Select((n, i) => (n, i + 1)).ToList();
        private readonly List<(string Status, int StageId)> _mappings = Names.Select((n, i) => (n, i + 1)).ToList();
        private readonly List<string> _leadStatuses = Names.ToList();
        private readonly List<string> _contactStatuses = Names.ToList();
        private readonly List<JsonObject> _fieldMappings;
        private readonly List<(string Object, string DeveloperName, string Label, List<string> Values)> _recordTypes = new();

        public Model()
        {
            LeadStage = FieldMapping("Lead", "Stage", "Status", new JsonObject
            {
                ["lookupField"] = true, ["externalMappedField"] = true, ["externalMappedType"] = "LeadStatus", ["lookForName"] = true,
            });
            ContactStageName = FieldMapping("Contact", "Stage Name", "Contact_Status__c", null);
            _fieldMappings = new List<JsonObject>
            {
                LeadStage,
                FieldMapping("Lead", "First Name", "FirstName", null),
                FieldMapping("Lead", "Email", "Email", null),
                ContactStageName,
                FieldMapping("Contact", "Email", "Email", null),
            };
        }

        public bool WithIds { get; set; }

        public JsonObject LeadStage { get; }

        public JsonObject LeadStageOptions => (JsonObject)LeadStage["options"]!;

        public JsonObject ContactStageName { get; }

        public Dictionary<int, string> LeadLabels { get; } = new();

        public HashSet<int> InactiveLead { get; } = new();

        public List<int> StageIds => _stages.Select(s => s.Id).ToList();

        public void AddCrmStatus(string name)
        {
            _leadStatuses.Add(name);
            _contactStatuses.Add(name);
        }

        public void AddContactStatus(string name) => _contactStatuses.Add(name);

        public void AddStage(string name) => _stages.Add((name, _stages.Max(s => s.Id) + 1));

        public void Map(string status, int stageId) => _mappings.Add((status, stageId));

        public void Unmap(int index) => _mappings.RemoveAll(m => m.Status == Names[index]);

        public void RespellMapping(int index, Func<string, string> respell)
        {
            var at = _mappings.FindIndex(m => m.Status == Names[index]);
            if (at >= 0)
            {
                _mappings[at] = (respell(Names[index]), _mappings[at].StageId);
            }
        }

        public void RenameStage(int index, Func<string, string> rename) => _stages[index] = (rename(_stages[index].Name), _stages[index].Id);

        public void RemoveFieldMapping(string crmObject, string outreachField) =>
            _fieldMappings.RemoveAll(f => (string)f["object"]! == crmObject && (string)f["outreachField"]! == outreachField);

        public void AddFieldMapping(string crmObject, string outreachField, string crmField, JsonObject? options = null)
        {
            RemoveFieldMapping(crmObject, outreachField);
            _fieldMappings.Add(FieldMapping(crmObject, outreachField, crmField, options));
        }

        /// <summary>An active record type offering every name but the one at <paramref name="lacking"/>, read from an SFDX project.</summary>
        public void AddRecordType(string crmObject, string developerName, string label, int lacking) =>
            _recordTypes.Add((crmObject, developerName, label, Names.Where((_, i) => i != lacking).ToList()));

        /// <summary>The SFDX project of the record types: a Lead Process for a Lead record type, the contact status values for a Contact one.</summary>
        public IReadOnlyDictionary<string, string> Project()
        {
            var files = new Dictionary<string, string>();
            if (_recordTypes.Count == 0)
            {
                return files;
            }

            const string Header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
            const string Namespace = "xmlns=\"http://soap.sforce.com/2006/04/metadata\"";
            static string Values(IEnumerable<string> values, string indent) => string.Concat(values.Select((v, i) =>
                $"{indent}<values>\n{indent}    <fullName>{System.Security.SecurityElement.Escape(v)}</fullName>\n{indent}    <default>{(i == 0 ? "true" : "false")}</default>\n{indent}</values>\n"));
            files["sfdx-project.json"] = "{\"packageDirectories\":[{\"path\":\"force-app\",\"default\":true}],\"sourceApiVersion\":\"62.0\"}";
            foreach (var (crmObject, developerName, label, values) in _recordTypes)
            {
                var folder = $"force-app/main/default/objects/{crmObject}";
                if (crmObject == "Lead")
                {
                    files[$"{folder}/businessProcesses/Partner Process.businessProcess-meta.xml"] =
                        $"{Header}<BusinessProcess {Namespace}>\n    <fullName>Partner Process</fullName>\n    <isActive>true</isActive>\n{Values(values, "    ")}</BusinessProcess>\n";
                    files[$"{folder}/recordTypes/{developerName}.recordType-meta.xml"] =
                        $"{Header}<RecordType {Namespace}>\n    <fullName>{developerName}</fullName>\n    <active>true</active>\n    <businessProcess>Partner Process</businessProcess>\n    <label>{label}</label>\n</RecordType>\n";
                }
                else
                {
                    files[$"{folder}/recordTypes/{developerName}.recordType-meta.xml"] =
                        $"{Header}<RecordType {Namespace}>\n    <fullName>{developerName}</fullName>\n    <active>true</active>\n    <label>{label}</label>\n    <picklistValues>\n        <picklist>Contact_Status__c</picklist>\n{Values(values, "        ")}    </picklistValues>\n</RecordType>\n";
                }
            }

            return files;
        }

        public string ToJson()
        {
            var leadStatuses = new JsonArray(_leadStatuses.Select((s, i) =>
            {
                var status = new JsonObject { ["apiName"] = s, ["label"] = LeadLabels.TryGetValue(i, out var label) ? label : s, ["isActive"] = !InactiveLead.Contains(i) };
                if (WithIds)
                {
                    status["id"] = $"01J5g00000Lb7Q{(char)('A' + i)}EAZ";
                }

                return (JsonNode)status;
            }).ToArray());
            var root = new JsonObject
            {
                ["schemaVersion"] = 2,
                ["experience"] = "ClassicPlugin",
                ["stages"] = new JsonArray(_stages.Select((s, i) => (JsonNode)new JsonObject { ["id"] = s.Id, ["name"] = s.Name, ["order"] = i + 1 }).ToArray()),
                ["leadStatusMappings"] = new JsonArray(_mappings.Select(m => (JsonNode)new JsonObject { ["crmStatus"] = m.Status, ["stageId"] = m.StageId }).ToArray()),
                ["fieldMappings"] = new JsonArray(_fieldMappings.Select(f => f.DeepClone()).ToArray()),
                ["crmMetadata"] = new JsonObject
                {
                    ["leadStatuses"] = leadStatuses,
                    ["contactStatusField"] = "Contact_Status__c",
                    ["contactStatuses"] = new JsonArray(_contactStatuses.Select(s => (JsonNode)new JsonObject { ["apiName"] = s, ["label"] = s }).ToArray()),
                    ["leadFields"] = new JsonArray(),
                    ["contactFields"] = new JsonArray(),
                    ["sources"] = new JsonArray("generated"),
                },
            };
            if (_recordTypes.Count > 0)
            {
                root["crmMetadata"]!["recordTypes"] = new JsonArray(_recordTypes.Select(r => (JsonNode)new JsonObject
                {
                    ["object"] = r.Object,
                    ["developerName"] = r.DeveloperName,
                    ["label"] = r.Label,
                    ["businessProcess"] = r.Object == "Lead" ? "Partner Process" : null,
                    ["values"] = new JsonArray(r.Values.Select(v => (JsonNode)v).ToArray()),
                    ["defaultValue"] = r.Values[0],
                    ["sfdxProject"] = ProjectToken,
                }).ToArray());
            }

            return root.ToJsonString();
        }

        private static JsonObject FieldMapping(string crmObject, string outreachField, string crmField, JsonObject? options)
        {
            var mapping = new JsonObject { ["object"] = crmObject, ["outreachField"] = outreachField, ["crmField"] = crmField, ["direction"] = "Bidirectional" };
            if (options is not null)
            {
                mapping["options"] = options;
            }

            return mapping;
        }
    }
}
