using System;
using System.IO;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>
/// Piped objects are read as PSObject.Properties reads them, whatever the fast way the command takes
/// for plain PSCustomObjects: type data, custom type names, methods named like fields and objects
/// of several shapes in one pipeline give the same prospects as the same objects one at a time.
/// </summary>
public sealed class PipelinePropertyLookupCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public PipelinePropertyLookupCmdletTests()
    {
        File.Copy(Path.Combine(ModuleSession.RepositoryRoot, "tests", "fixtures", "conversion", "standard-sync-mapping.json"), _session.File("mapping.json"));
        _session.Run("Import-StageMapConfiguration ./mapping.json | Out-Null").AssertNoErrors();
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Objects_of_several_shapes_type_data_and_custom_type_names_convert_as_each_would_alone()
    {
        const string Inputs = """
            Update-TypeData -TypeName 'Test.Lead' -MemberType ScriptProperty -MemberName Status -Value { 'Working - Contacted' } -Force
            Update-TypeData -TypeName 'System.Management.Automation.PSCustomObject' -MemberType ScriptProperty -MemberName LeadSource -Value { 'from type data' } -Force
            $typed = [pscustomobject]@{ Id = '00Q5g00000AbC21EAA'; LastName = 'Typed' }
            $typed.PSTypeNames.Insert(0, 'Test.Lead')
            $method = [pscustomobject]@{ Id = '00Q5g00000AbC22EAA'; LastName = 'Method'; Status = 'Closed - Converted' }
            $method | Add-Member -MemberType ScriptMethod -Name Title -Value { 'a method, not a field' }
            $inputs = @(
                [pscustomobject]@{ Id = '00Q5g00000AbC20EAA'; LastName = 'Plain'; Status = 'Open - Not Contacted'; Title = 'CFO' }
                $typed
                [pscustomobject]@{ Id = '00Q5g00000AbC23EAA'; LastName = 'Fewer' }
                $method
                [pscustomobject]@{ attributes = [pscustomobject]@{ type = 'Contact' }; Id = '00Q5g00000AbC24EAA'; Status = 'Open - Not Contacted' }
                @{ Id = '00Q5g00000AbC25EAA'; LastName = 'Hashtable'; Status = 'Working - Contacted' }
                [pscustomobject]@{ Id = '00Q5g00000AbC26EAA'; LastName = 'Plain again'; Status = 'Working - Contacted' }
            )
            """;

        var together = _session.Run(Inputs + "\n$inputs | ConvertTo-OutreachProspect -Object Lead -ErrorAction SilentlyContinue -ErrorVariable failed | ForEach-Object { $_ | ConvertTo-Json -Compress -Depth 4 }; $failed | ForEach-Object { $_.FullyQualifiedErrorId }");
        var alone = _session.Run(Inputs + "\nforeach ($one in $inputs) { $one | ConvertTo-OutreachProspect -Object Lead -ErrorAction SilentlyContinue -ErrorVariable +failedAlone | ConvertTo-Json -Compress -Depth 4 }; $failedAlone | ForEach-Object { $_.FullyQualifiedErrorId }");

        var lines = together.Output.Select(o => o.ToString()).ToList();
        Assert.Equal(alone.Output.Select(o => o.ToString()), lines);
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Typed\"") && l.Contains("\"stage\":2"));
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Method\"") && !l.Contains("\"title\""));
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Fewer\"") && l.Contains("\"source\":\"from type data\""));
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Plain again\"") && l.Contains("\"source\":\"from type data\""));
        Assert.Contains(lines, l => l.StartsWith("InvalidRecord,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_plain_objects_lack_is_still_read_from_type_data_of_a_later_object_s_own_type_name()
    {
        var result = _session.Run("""
            Update-TypeData -TypeName 'Test.SourcedLead' -MemberType ScriptProperty -MemberName LeadSource -Value { 'from Test.SourcedLead' } -Force
            $sourced = [pscustomobject]@{ Id = '00Q5g00000AbC31EAA'; LastName = 'Sourced'; Status = 'Open - Not Contacted' }
            $sourced.PSTypeNames.Insert(0, 'Test.SourcedLead')
            @(
                [pscustomobject]@{ Id = '00Q5g00000AbC30EAA'; LastName = 'Plain'; Status = 'Open - Not Contacted' }
                $sourced
                [pscustomobject]@{ Id = '00Q5g00000AbC32EAA'; LastName = 'Plain again'; Status = 'Open - Not Contacted' }
            ) | ConvertTo-OutreachProspect -Object Lead | ForEach-Object { '{0}={1}' -f $_.lastName, $_.source }
            """);

        result.AssertNoErrors();
        Assert.Equal(new[] { "Plain=", "Sourced=from Test.SourcedLead", "Plain again=" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Type_data_added_after_one_conversion_is_seen_by_the_next()
    {
        var result = _session.Run("""
            $lead = [pscustomobject]@{ Id = '00Q5g00000AbC40EAA'; LastName = 'Later'; Status = 'Open - Not Contacted' }
            ($lead | ConvertTo-OutreachProspect -Object Lead).source
            Update-TypeData -TypeName 'System.Management.Automation.PSCustomObject' -MemberType ScriptProperty -MemberName LeadSource -Value { 'added later' } -Force
            ($lead | ConvertTo-OutreachProspect -Object Lead).source
            """);

        result.AssertNoErrors();
        Assert.Equal(new[] { "added later" }, result.Output.Where(o => o is not null).Select(o => o.ToString()));
    }

    [Fact]
    public void Converted_objects_behave_as_PSCustomObjects_made_by_hand()
    {
        var result = _session.Run("""
            $prospects = 1..3 | ForEach-Object { [pscustomobject]@{ Id = "00Q5g00000AbC5$($_)EAA"; FirstName = "F$_"; LastName = "L$_"; Status = 'Working - Contacted'; Title = 'CFO' } } |
                ConvertTo-OutreachProspect -Object Lead
            $first = $prospects[0]
            $byHand = [ordered]@{}
            foreach ($property in $first.PSObject.Properties) { $byHand[$property.Name] = $property.Value }
            $byHand = [pscustomobject]$byHand
            ($first | Get-Member | Out-String) -eq ($byHand | Get-Member | Out-String)
            ($first.PSObject.TypeNames -join ',') -eq ($byHand.PSObject.TypeNames -join ',')
            ($prospects | ForEach-Object { $_.lastName }) -join ','
            $first.title = 'changed'; $first.title
            $first | Add-Member -NotePropertyName extra -NotePropertyValue 'added'; $first.extra
            $copy = $first.PSObject.Copy(); $copy.lastName = 'copy'; '{0}/{1}' -f $first.lastName, $copy.lastName
            ($prospects[1] | Select-Object lastName, stage | ConvertTo-Json -Compress)
            """);

        result.AssertNoErrors();
        Assert.Equal(
            new[] { "True", "True", "L1,L2,L3", "changed", "added", "L1/copy", "{\"lastName\":\"L2\",\"stage\":2}" },
            result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Records_with_their_columns_in_other_orders_and_cases_read_each_field_by_its_name()
    {
        var result = _session.Run("""
            @(
                [pscustomobject]@{ Id = '00Q5g00000AbC60EAA'; LastName = 'First'; Title = 'CFO'; Status = 'Open - Not Contacted' }
                [pscustomobject]@{ Status = 'Working - Contacted'; Title = 'CTO'; LastName = 'Reordered'; Id = '00Q5g00000AbC61EAA' }
                [pscustomobject]@{ id = '00Q5g00000AbC62EAA'; lastname = 'Lower case'; STATUS = 'Closed - Converted' }
                [pscustomobject]@{ Id = '00Q5g00000AbC63EAA'; LastName = 'Last'; Title = 'VP'; Status = 'Open - Not Contacted' }
            ) | ConvertTo-OutreachProspect -Object Lead | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.salesforceId, $_.lastName, $_.title, $_.stage }
            """);

        result.AssertNoErrors();
        Assert.Equal(
            new[] { "00Q5g00000AbC60EAA|First|CFO|1", "00Q5g00000AbC61EAA|Reordered|CTO|2", "00Q5g00000AbC62EAA|Lower case||3", "00Q5g00000AbC63EAA|Last|VP|1" },
            result.Output.Select(o => o.ToString()));
    }
    [Fact]
    public void Records_whose_shape_changes_from_one_to_the_next_convert_as_each_would_alone()
    {
        const string Inputs = """
            class TypedLead { [string] $Id; [string] $LastName; [string] $Status; [string] $Title }
            $typed = [TypedLead]@{ Id = '00Q5g00000AbC75EAA'; LastName = 'Class'; Status = 'Working - Contacted'; Title = 'CTO' }
            $csv = @'
            Id,LastName,Title,Status
            00Q5g00000AbC70EAA,Csv one,CFO,Open - Not Contacted
            00Q5g00000AbC71EAA,Csv two,,Working - Contacted
            '@ | ConvertFrom-Csv
            $inputs = @(
                $csv[0]
                $csv[1]
                [pscustomobject]@{ ID = '00Q5g00000AbC72EAA'; LASTNAME = 'Upper case'; TITLE = 'VP'; STATUS = 'Closed - Converted' }
                [pscustomobject]@{ Id = '00Q5g00000AbC73EAA'; LastName = 'Extra column'; Phone = '555'; Title = 'CEO'; Status = 'Open - Not Contacted' }
                [pscustomobject]@{ Id = '00Q5g00000AbC74EAA'; LastName = 'Fewer columns' }
                [pscustomobject]@{ Id = '00Q5g00000AbC76EAA'; LastName = 'Renamed'; Titel = 'not the title'; Status = 'Open - Not Contacted' }
                $typed
                [pscustomobject]@{ attributes = [pscustomobject]@{ type = 'Lead'; url = '/services/data/v60.0/sobjects/Lead/00Q5g00000AbC77EAA' }; LastName = 'Query'; Title = 'COO' }
                @{ Id = '00Q5g00000AbC78EAA'; LastName = 'Hashtable'; Title = 'CIO' }
                $csv[0]
                $csv[1]
            )
            """;

        var together = _session.Run(Inputs + "\n$inputs | ConvertTo-OutreachProspect -Object Lead | ForEach-Object { $_ | ConvertTo-Json -Compress }");
        var alone = _session.Run(Inputs + "\nforeach ($one in $inputs) { $one | ConvertTo-OutreachProspect -Object Lead | ConvertTo-Json -Compress }");

        together.AssertNoErrors();
        alone.AssertNoErrors();
        var lines = together.Output.Select(o => o.ToString()).ToList();
        Assert.Equal(alone.Output.Select(o => o.ToString()), lines);
        Assert.Equal(11, lines.Count);
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Upper case\"") && l.Contains("\"title\":\"VP\""));
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Renamed\"") && !l.Contains("\"title\""));
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Class\"") && l.Contains("\"title\":\"CTO\""));
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Query\"") && l.Contains("\"salesforceId\":\"00Q5g00000AbC77EAA\""));
        Assert.Equal(lines[0], lines[9]);
    }

    [Fact]
    public void An_object_piped_again_after_a_property_was_added_removed_or_changed_is_read_as_it_is_then()
    {
        var result = _session.Run("""
            & {
                $lead = [pscustomobject]@{ Id = '00Q5g00000AbC80EAA'; LastName = 'Before'; Status = 'Open - Not Contacted' }
                $lead
                $lead | Add-Member -NotePropertyName Title -NotePropertyValue 'CFO'
                $lead
                $lead.PSObject.Properties.Remove('Title')
                $lead.LastName = 'After'
                $lead
                $lead | Add-Member -NotePropertyName title -NotePropertyValue 'lower-case title'
                $lead
            } | ConvertTo-OutreachProspect -Object Lead | ForEach-Object { '{0}|{1}' -f $_.lastName, $_.title }
            """);

        result.AssertNoErrors();
        Assert.Equal(new[] { "Before|", "Before|CFO", "After|", "After|lower-case title" }, result.Output.Select(o => o.ToString()));
    }
}
