using StageMap.Engine.Model;

namespace StageMap.Engine.Procedure;

/// <summary>The Classic Plugin's click-path: the CRM Plugin, Plugin Settings, the Types and Fields tabs.</summary>
public sealed class ClassicPluginProcedure : ProcedureBuilder
{
    public override string Title => "Classic Plugin";

    protected override string AddMappingButton => "Add";

    protected override string FieldList => "the Fields tab";

    protected override string AdvancedOptions => "Advanced Field Mapping options";

    protected override string MappedFieldSection => "Lookup field section";

    protected override string DoneAndSave => "Click Done and click Save.";

    protected override void OpenLeadStatusMappings(StepWriter steps)
    {
        steps.Add(null, "Access the CRM Plugin.");
        steps.Add(null, "Click the Lead Status object in the Types list.");
        steps.Add(null, "Click the Mappings tab on the Lead Status landing page.");
    }

    protected override void OpenFieldMappings(StepWriter steps, CrmObject crmObject)
    {
        steps.Add(null, crmObject == CrmObject.Lead
            ? "Navigate to the Plugin Settings landing page; it opens on the Types tab."
            : "Access the CRM Plugin.");
        steps.Add(null, $"Click the {crmObject} object in the Types list.");
        steps.Add(null, $"Click the Fields tab on the {crmObject} object landing page.");
    }

    protected override void OpenAdvancedOptions(StepWriter steps) =>
        steps.Add(null, "Select Advanced from the Advanced Options dropdown menu (hidden arrow).");
}
