using System;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;
using Xunit;

namespace StageMap.Engine.Tests.Procedure;

/// <summary>The stage steps come first, for every stage the admin has not confirmed in Outreach.</summary>
public class StageProcedureTests
{
    private const string Stages = ProcedureBuilder.StageSection;

    [Theory]
    [InlineData(Experience.ClassicPlugin)]
    [InlineData(Experience.EnhancedCrmSync)]
    public void A_new_configuration_starts_by_checking_the_six_default_stages_in_Outreach(Experience experience)
    {
        var steps = ProcedureBuilder.For(experience).Build(StageMapConfiguration.CreateDefault(experience));

        var stageSteps = steps.TakeWhile(s => s.Section == Stages).ToList();
        Assert.Equal("Access the Outreach Platform.", stageSteps[0].Action);
        Assert.Contains("does not name that page", stageSteps[1].Action);
        Assert.Equal(DefaultStages.All.Select(s => s.Name), stageSteps.Skip(2).Take(6).Select(s => s.Value));
        Assert.Equal("Check that Outreach has the stage 'New', one of the six stages Outreach provides out of the box; create it only if it is missing.", stageSteps[2].Action);
        Assert.Contains("Import-OutreachStage -Path <Outreach's stage list> -Merge", stageSteps[8].Action);
        Assert.Contains("Set-OutreachStage -Name <stage> -OutreachId <its id in Outreach>", stageSteps[8].Action);
        Assert.Equal(9, stageSteps.Count);
        Assert.Single(steps, s => s.Action == "Access the Outreach Platform.");
    }

    [Fact]
    public void Stages_made_from_the_CRM_are_created_before_the_mappings_select_them()
    {
        var configuration = StandardOrg.StagesInOutreach();
        configuration.AddStage("Nurturing");
        configuration.AddStage("Meeting Booked", color: "#00ff00");
        configuration.AddLeadStatusMapping("Nurturing", "Nurturing");

        var steps = Build(configuration);

        var created = steps.Where(s => s.Section == Stages && s.Action.StartsWith("Create", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "Create the stage 'Nurturing', with order 7.", "Create the stage 'Meeting Booked', with order 8 and colour '#00ff00'." }, created.Select(s => s.Action));
        var select = steps.Single(s => s.Section == ProcedureBuilder.LeadStatusSection && s.Value == "Nurturing" && s.Action.Contains("Outreach Stage:"));
        Assert.True(created[0].Step < select.Step);
    }

    [Fact]
    public void A_stage_Outreach_has_is_renamed_reordered_and_recoloured_from_what_Outreach_shows_with_its_id()
    {
        var configuration = StandardOrg.StagesInOutreach();
        configuration.UpdateStage("Approaching", newName: "Working", order: 9, color: "blue");
        configuration.RecordStageInOutreach("Replied", 3);
        configuration.UpdateStage("Replied", color: "red");
        configuration.RecordStageInOutreach("Replied", 3);
        configuration.UpdateStage("Replied", color: "");

        var stageSteps = Build(configuration).Where(s => s.Section == Stages).ToList();
        var steps = stageSteps.Skip(2).Take(stageSteps.Count - 3).Select(s => (s.Value, s.Action)).ToList();

        Assert.Equal(
            new (string?, string)[]
            {
                ("Replied", "Clear the colour of the stage 'Replied' (Outreach id 3); Outreach has it as 'red'."),
                ("Working", "Rename the stage 'Approaching' (Outreach id 2) to 'Working'."),
                ("Working", "Set the order of the stage 'Working' (Outreach id 2) to 9; Outreach has it at 2."),
                ("Working", "Set the colour of the stage 'Working' (Outreach id 2) to 'blue'."),
            },
            steps);
    }

    [Fact]
    public void Stages_Outreach_has_as_they_are_need_no_step()
    {
        Assert.DoesNotContain(Build(StandardOrg.Create()), s => s.Section == Stages);
    }

    [Fact]
    public void A_confirmed_stage_leaves_the_procedure_and_takes_Outreachs_id_with_its_mappings()
    {
        var configuration = StandardOrg.StagesInOutreach();
        configuration.AddStage("Nurturing");
        configuration.AddLeadStatusMapping("Nurturing", "Nurturing");

        var confirmed = configuration.ConfirmStageInOutreach("Nurturing", 12);

        Assert.Equal(12, confirmed.Id);
        Assert.True(confirmed.IsInOutreach);
        Assert.Equal(12, configuration.LeadStatusMappings.Single(m => m.CrmStatus == "Nurturing").StageId);
        Assert.DoesNotContain(Build(configuration), s => s.Section == Stages);
    }

    [Fact]
    public void Confirming_a_rename_records_the_new_name_as_Outreachs()
    {
        var configuration = StandardOrg.StagesInOutreach();

        configuration.ConfirmStageInOutreach("Approaching", 2, newName: "Working");

        Assert.Equal(new OutreachStageState("Working", 2), configuration.GetStage("Working").Outreach);
        Assert.DoesNotContain(Build(configuration), s => s.Section == Stages);
    }

    [Fact]
    public void An_Outreach_id_another_stage_Outreach_has_is_refused_and_nothing_changes()
    {
        var configuration = StandardOrg.StagesInOutreach();
        configuration.AddStage("Nurturing");
        var before = configuration.GetContent();

        var failure = Assert.Throws<StageMapException>(() => configuration.ConfirmStageInOutreach("Nurturing", 2, newName: "Nurture"));

        Assert.Equal(ErrorIds.StageAlreadyExists, failure.ErrorId);
        Assert.Equal(StageMap.Engine.Storage.ConfigurationSerializer.ToBytes(before), StageMap.Engine.Storage.ConfigurationSerializer.ToBytes(configuration.GetContent()));
    }

    [Fact]
    public void The_stage_steps_come_for_one_object_too()
    {
        var configuration = StageMapConfiguration.CreateDefault();

        Assert.Equal(Stages, Build(configuration, CrmObject.Contact)[0].Section);
        Assert.Equal(Stages, Build(configuration, CrmObject.Lead)[0].Section);
    }

    private static System.Collections.Generic.IReadOnlyList<ProcedureStep> Build(StageMapConfiguration configuration, CrmObject? only = null) =>
        new ClassicPluginProcedure().Build(configuration, only);
}
