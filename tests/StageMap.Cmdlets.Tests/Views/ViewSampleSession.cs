using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using StageMap.Cmdlets.Tests.Support;
using StageMap.LiveServers;
using Xunit;

namespace StageMap.Cmdlets.Tests.Views;

/// <summary>
/// One session, shared by the view tests, that holds the sample objects of <see cref="ViewSamples"/>
/// (made once per type, on first use, in $global:samples) and renders them.
/// </summary>
public sealed class ViewSampleSession : IAsyncLifetime
{
    private readonly HashSet<string> _made = new();
    private LoopbackSystems _servers = null!;

    internal ModuleSession Session { get; } = new();

    public async Task InitializeAsync()
    {
        _servers = await LoopbackSystems.StartAsync(Path.Combine(ModuleSession.RepositoryRoot, "tests", "fixtures"));
        var samples = Path.Combine(ModuleSession.ModulePath, "samples");
        Session.Run($"Copy-Item -Path '{samples}/*' -Destination . -Recurse; $global:samples = @{{}}").AssertNoErrors();
        Session.Run($"$global:sf = '{_servers.Salesforce.BaseUri}'; $global:or = '{_servers.Outreach.BaseUri}'").AssertNoErrors();
        Session.Run(ViewSamples.Setup).AssertNoErrors();
    }

    public async Task DisposeAsync()
    {
        Session.Dispose();
        await _servers.DisposeAsync();
    }

    /// <summary>Makes the samples of <paramref name="typeName"/> (once); false when ViewSamples has none.</summary>
    internal bool MakeSamples(string typeName)
    {
        lock (_made)
        {
            if (_made.Contains(typeName))
            {
                return true;
            }

            if (!ViewSamples.ByType.TryGetValue(typeName, out var script))
            {
                return false;
            }

            Session.Run($"$global:samples['{typeName}'] = @(& {{\n{script}\n}} | Where-Object {{ $_.PSObject.TypeNames -contains '{typeName}' }})").AssertNoErrors();
            _made.Add(typeName);
            return true;
        }
    }

    internal int SampleCount(string typeName) => (int)Session.Run($"$global:samples['{typeName}'].Count").AssertNoErrors().Output.Single().BaseObject;

    /// <summary>The samples through <paramref name="view"/>, as a terminal <paramref name="width"/> columns wide shows them.</summary>
    internal string Render(FormatView view, int width) =>
        Session.Run($"$global:samples['{view.TypeName}'] | {view.FormatCommand} -View '{view.Name}' | Out-String -Width {width}")
            .AssertNoErrors().Output.Single().ToString().Replace("\r", "");

    /// <summary>What <paramref name="item"/> shows for each sample, as text (a list gives one text per element).</summary>
    internal IReadOnlyList<string> Values(FormatView view, ViewItem item) =>
        Session.Run($"$global:samples['{view.TypeName}'] | ForEach-Object {{ {item.Expression} }} | ForEach-Object {{ \"$_\" }}")
            .AssertNoErrors().Output.Select(o => o.ToString()).ToList();
}
