using System;
using System.Linq;
using System.Threading;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Model;

/// <summary>A runspace reading a configuration while another one changes it.</summary>
public class ConcurrentReadTests
{
    [Fact]
    public void A_reader_sees_whole_states_while_another_thread_keeps_changing_the_configuration()
    {
        var configuration = StageMapConfiguration.CreateDefault();
        Exception? failure = null;
        var writer = new Thread(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                var stage = configuration.AddStage($"Stage {i}");
                configuration.AddLeadStatusMapping($"Status {i}", stage.Name);
            }
        });

        writer.Start();
        while (writer.IsAlive)
        {
            try
            {
                var stages = configuration.Stages.Count(s => s.Name.StartsWith("Stage ", StringComparison.Ordinal));
                var mapped = configuration.LeadStatusMappings.Count(m => m.Stage is not null);
                Assert.True(mapped <= configuration.Stages.Count);
                Assert.True(stages >= 0);
            }
            catch (InvalidOperationException e)
            {
                failure = e;
                break;
            }
        }

        writer.Join();
        Assert.Null(failure);
        Assert.Equal(1000, configuration.LeadStatusMappings.Count);
    }
}
