using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Text;

namespace StageMap.Engine.Live.Outreach;

/// <summary>What Sync-OutreachStage does with one stage.</summary>
public enum StageSyncAction
{
    /// <summary>POST /stages: the configuration has it, Outreach does not.</summary>
    Create,

    /// <summary>PATCH /stages/{id}: its name, order or colour differ in Outreach.</summary>
    Update,

    /// <summary>Outreach has it as the configuration does.</summary>
    Unchanged,

    /// <summary>DELETE /stages/{id} (-RemoveExtra): Outreach has it, the configuration does not.</summary>
    Delete,

    /// <summary>Outreach has it, the configuration does not, and it stays (no -RemoveExtra).</summary>
    Extra,
}

/// <summary>How one step ended.</summary>
public enum StageSyncResult
{
    Done,
    Unchanged,
    Kept,
    WhatIf,
    Declined,
    Refused,
    Failed,
    Skipped,
}

/// <summary>One step of a sync: the stage, what to do, and the call that does it (null when no call is needed).</summary>
public sealed record StageSyncStep(StageSyncAction Action, string Stage, int? OutreachId, StageAttributes? Attributes, string Details)
{
    public bool Writes => Action is StageSyncAction.Create or StageSyncAction.Update or StageSyncAction.Delete;

    /// <summary>The Outreach stage the step is about, which every step but a create has.</summary>
    /// <exception cref="InvalidOperationException">A create step: Outreach has no such stage yet.</exception>
    public int RequireOutreachId() => OutreachId ?? throw new InvalidOperationException($"The {Action} step of '{Stage}' has no Outreach stage.");

    /// <summary>What a create or an update step sends.</summary>
    /// <exception cref="InvalidOperationException">A step that sends nothing.</exception>
    public StageAttributes RequireAttributes() => Attributes ?? throw new InvalidOperationException($"The {Action} step of '{Stage}' sends nothing.");
}

/// <summary>Sync-OutreachStage's output: one per stage.</summary>
/// <param name="Snapshot">The snapshot the run took before its first write (null when it wrote nothing, or under -WhatIf).</param>
public sealed record StageSyncChange(StageSyncAction Action, string Stage, int? OutreachId, StageSyncResult Result, string Details, string? Snapshot = null);

/// <summary>
/// Makes Outreach's stages match the configuration's. A configuration stage matches the Outreach stage
/// of its id only when the configuration knows that id is Outreach's (<see cref="Stage.IsInOutreach"/>);
/// any other stage matches by name, ignoring case. A local id is never sent to Outreach.
/// </summary>
public sealed class StageSync
{
    private readonly OutreachClient _client;
    private readonly IStageDeleteRecorder? _beforeDelete;

    /// <param name="beforeDelete">Told before each delete; the run's snapshot keeps its saved prospects current.</param>
    public StageSync(OutreachClient client, IStageDeleteRecorder? beforeDelete = null)
    {
        _client = client;
        _beforeDelete = beforeDelete;
    }

    /// <summary>
    /// The steps, the configuration's stages first (in its order), then Outreach's extra stages.
    /// Changes nothing. A stage to create keeps its order when Outreach has no stage of that order
    /// (and no update takes it); otherwise it gets the lowest order above every order in use, so it
    /// never lands on a stage Outreach already has.
    /// </summary>
    public static IReadOnlyList<StageSyncStep> Plan(IReadOnlyList<Stage> stages, IReadOnlyList<OutreachStageRecord> outreach, bool removeExtra)
    {
        var byId = OutreachStageRecord.ById(outreach);
        var matched = new Dictionary<string, OutreachStageRecord>(StageNames.Comparer);
        var claimed = new HashSet<int>();
        foreach (var stage in stages.Where(s => s.IsInOutreach && byId.ContainsKey(s.Id)))
        {
            matched[stage.Name] = byId[stage.Id];
            claimed.Add(stage.Id);
        }

        foreach (var stage in stages.Where(s => !matched.ContainsKey(s.Name)))
        {
            var sameName = outreach.FirstOrDefault(o => o.Id is { } id && !claimed.Contains(id) && StageNames.AreSame(o.Name, stage.Name));
            if (sameName?.Id is { } sameId)
            {
                matched[stage.Name] = sameName;
                claimed.Add(sameId);
            }
        }

        // Orders Outreach's stages will hold once the updates are made: a new stage goes elsewhere.
        var orders = new Dictionary<int, string>();
        foreach (var there in outreach)
        {
            if (there.Order is { } thereOrder && !(there.Id is { } id && claimed.Contains(id)))
            {
                orders[thereOrder] = there.Name;
            }
        }

        foreach (var stage in stages.Where(s => matched.ContainsKey(s.Name)))
        {
            orders[stage.Order] = matched[stage.Name].Name;
        }

        var steps = new List<StageSyncStep>();
        foreach (var stage in stages)
        {
            if (!matched.TryGetValue(stage.Name, out var there))
            {
                steps.Add(CreateStep(stage, orders));
                continue;
            }

            var changes = Differences(stage, there);
            steps.Add(changes.IsEmpty
                ? new StageSyncStep(StageSyncAction.Unchanged, stage.Name, there.Id, null, "")
                : new StageSyncStep(StageSyncAction.Update, stage.Name, there.Id, changes, Describe(there, changes)));
        }

        foreach (var extra in outreach.Where(o => o.Id is { } id && !claimed.Contains(id)))
        {
            steps.Add(removeExtra
                ? new StageSyncStep(StageSyncAction.Delete, extra.Name, extra.Id, null, "The configuration has no such stage; its prospects, if any, are left on \"No Stage\".")
                : new StageSyncStep(StageSyncAction.Extra, extra.Name, extra.Id, null, "The configuration has no such stage; -RemoveExtra deletes it from Outreach."));
        }

        return steps;
    }

    /// <summary>The create of <paramref name="stage"/>, at its order when free, else above every order in use (<paramref name="orders"/>, which it joins).</summary>
    private static StageSyncStep CreateStep(Stage stage, Dictionary<int, string> orders)
    {
        var details = $"Outreach has no stage '{stage.Name}'.";
        var order = stage.Order;
        if (orders.TryGetValue(order, out var holder))
        {
            var highest = orders.Keys.Max();
            order = highest < int.MaxValue ? highest + 1 : highest;
            details += $" Its order {stage.Order} is taken in Outreach (by '{holder}'), so it is created with order {order}, which the configuration then records.";
        }

        orders[order] = stage.Name;
        return new StageSyncStep(StageSyncAction.Create, stage.Name, null, new StageAttributes(stage.Name, order, stage.Color), details);
    }

    /// <summary>The call a writing step makes (what -WhatIf lists).</summary>
    public static LiveRequest RequestFor(OutreachConnection connection, StageSyncStep step) => step.Action switch
    {
        StageSyncAction.Create => OutreachClient.CreateRequest(connection, step.RequireAttributes()),
        StageSyncAction.Update => OutreachClient.UpdateRequest(connection, step.RequireOutreachId(), step.RequireAttributes()),
        StageSyncAction.Delete => OutreachClient.DeleteRequest(connection, step.RequireOutreachId()),
        _ => throw new InvalidOperationException($"A {step.Action} step makes no call."),
    };

    /// <summary>
    /// Makes the step's call. A delete first counts the stage's prospects and refuses a stage that has
    /// any unless <paramref name="force"/>; a count that cannot be read deletes nothing. When the count
    /// differs from the ids the run's snapshot saved, they are read again first.
    /// </summary>
    /// <returns>The stage's Outreach id (a created stage's new one).</returns>
    /// <exception cref="StageMapException">The call's failure; StageHasProspects.</exception>
    public async Task<int> ApplyAsync(StageSyncStep step, bool force, CancellationToken cancellation)
    {
        switch (step.Action)
        {
            case StageSyncAction.Create:
                return await _client.CreateStageAsync(step.RequireAttributes(), cancellation).ConfigureAwait(false);
            case StageSyncAction.Update:
                await _client.UpdateStageAsync(step.RequireOutreachId(), step.RequireAttributes(), cancellation).ConfigureAwait(false);
                return step.RequireOutreachId();
            case StageSyncAction.Delete:
                var prospects = await _client.CountProspectsAsync(step.RequireOutreachId(), cancellation).ConfigureAwait(false);
                if (Refusal(step, prospects, force) is { } refusal)
                {
                    throw refusal;
                }

                if (_beforeDelete is not null)
                {
                    await _beforeDelete.BeforeDeleteAsync(_client, step.RequireOutreachId(), prospects, cancellation).ConfigureAwait(false);
                }

                await _client.DeleteStageAsync(step.RequireOutreachId(), cancellation).ConfigureAwait(false);
                return step.RequireOutreachId();
            default:
                return step.OutreachId ?? throw new InvalidOperationException($"A {step.Action} step has nothing to apply.");
        }
    }

    /// <summary>
    /// Whether a delete would be refused, by reading (GET only) how many prospects the stage holds:
    /// StageHasProspects when some do and not <paramref name="force"/>, else null. What -WhatIf
    /// says of each delete, and what the delete itself checks.
    /// </summary>
    /// <exception cref="StageMapException">The count's failure (never a permission to delete).</exception>
    public async Task<StageMapException?> CheckDeleteAsync(StageSyncStep step, bool force, CancellationToken cancellation)
    {
        if (step.Action != StageSyncAction.Delete)
        {
            throw new InvalidOperationException($"A {step.Action} step deletes nothing.");
        }

        return Refusal(step, await _client.CountProspectsAsync(step.RequireOutreachId(), cancellation).ConfigureAwait(false), force);
    }

    private static StageMapException? Refusal(StageSyncStep step, long prospects, bool force) =>
        prospects > 0 && !force ? Failures.StageHasProspects(step.Stage, step.RequireOutreachId(), prospects) : null;

    /// <summary>
    /// Writes what the step taught into the configuration: the stage is in Outreach under
    /// <paramref name="outreachId"/>, as the configuration has it, with the order it was created
    /// with. Deleted and extra stages are not the configuration's.
    /// </summary>
    public static void Record(StageMapConfiguration configuration, StageSyncStep step, int outreachId)
    {
        if (step.Action == StageSyncAction.Create)
        {
            configuration.ConfirmStageInOutreach(step.Stage, outreachId, order: step.RequireAttributes().Order);
        }
        else if (step.Action is StageSyncAction.Update or StageSyncAction.Unchanged)
        {
            configuration.RecordStageInOutreach(step.Stage, outreachId);
        }
    }

    /// <summary>What a sync with failed calls says at its end.</summary>
    /// <param name="failedCalls">Each failed call, "METHOD url".</param>
    /// <param name="succeeded">How many calls succeeded.</param>
    public static string FailureSummary(IReadOnlyList<string> failedCalls, int succeeded) => Sentences.Join(
        $"{failedCalls.Count} call(s) to Outreach failed: {string.Join("; ", failedCalls)}",
        succeeded == 0 ? "No call succeeded" : $"The configuration records the {succeeded} that succeeded",
        "Run Sync-OutreachStage again once the cause is fixed.");

    private static StageAttributes Differences(Stage stage, OutreachStageRecord there) => new(
        string.Equals(stage.Name, there.Name, StringComparison.Ordinal) ? null : stage.Name,
        there.Order == stage.Order ? null : stage.Order,
        stage.Color is null || string.Equals(stage.Color, there.Color, StringComparison.OrdinalIgnoreCase) ? null : stage.Color);

    private static string Describe(OutreachStageRecord there, StageAttributes changes)
    {
        var parts = new List<string>();
        if (changes.Name is not null)
        {
            parts.Add($"name '{there.Name}' -> '{changes.Name}'");
        }

        if (changes.Order is not null)
        {
            parts.Add($"order {there.Order?.ToString(CultureInfo.InvariantCulture) ?? "none"} -> {changes.Order}");
        }

        if (changes.Color is not null)
        {
            parts.Add($"color {there.Color ?? "none"} -> {changes.Color}");
        }

        return string.Join(", ", parts);
    }
}
