using System.Globalization;

namespace StageMap.Engine.Model;

/// <summary>An Outreach stage. Names are unique within a configuration, compared case-insensitively.</summary>
/// <remarks>
/// <see cref="Id"/> is Outreach's id only when <see cref="Outreach"/> is set, that is once the stage came
/// from Outreach (Import-OutreachStage) or was written to it. A stage made in the configuration, the six
/// defaults of a new one included, has a local id that means nothing to Outreach. <see cref="Key"/> is
/// the stage's identity: it stays when the id changes (a sync gives the stage Outreach's id), so a
/// review of the configuration before and after sees the same stage.
/// </remarks>
public sealed record Stage(int Id, string Name, int Order, string? Color = null, OutreachStageState? Outreach = null)
{
    /// <summary>
    /// The stage's identity within its configuration: the id it was first given, as text (another
    /// text when that was taken, see <see cref="StageKeys"/>), kept through every change of id.
    /// </summary>
    public string Key { get; init; } = Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when Outreach is known to have this stage, under <see cref="Id"/>.</summary>
    public bool IsInOutreach => Outreach is not null;

    /// <summary>True when the stage is in Outreach but its name, order or colour there differs from this one.</summary>
    public bool DiffersFromOutreach => Outreach is not null && !Outreach.Matches(this);

    /// <summary>This stage, recorded as Outreach now has it (same name, order and colour).</summary>
    public Stage AsInOutreach() => this with { Outreach = new OutreachStageState(Name, Order, Color) };
}

/// <summary>A stage as Outreach last showed it: what the Outreach UI lists until the admin changes it there.</summary>
public sealed record OutreachStageState(string Name, int Order, string? Color = null)
{
    /// <summary>True when <paramref name="stage"/> has this name (exactly), order and colour.</summary>
    public bool Matches(Stage stage) =>
        string.Equals(Name, stage.Name, System.StringComparison.Ordinal) && Order == stage.Order && string.Equals(Color, stage.Color, System.StringComparison.OrdinalIgnoreCase);
}
