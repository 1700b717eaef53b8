using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using StageMap.Cmdlets.Undo;
using StageMap.Engine;
using StageMap.Engine.Undo;

namespace StageMap.Cmdlets.Completion;

/// <summary>
/// Completes the stages a snapshot can restore: those of the -Snapshot already typed, else of the newest
/// snapshot beside the configuration; by their name before the sync, then an update's new name.
/// </summary>
internal sealed class SnapshotStageCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var path = SnapshotArgumentAttribute.PathOf(fakeBoundParameters?["Snapshot"]) ?? Newest(fakeBoundParameters);
            if (path is null)
            {
                return Enumerable.Empty<CompletionResult>();
            }

            var snapshot = SnapshotFile.Read(path);
            var changes = StageSnapshotInfo.Undoable(snapshot).ToList();
            var names = changes.Select(c => snapshot.Stage(c.StageId).Name).Concat(changes.Select(c => c.After?.Name).OfType<string>());
            return CompletionResults.For(names, wordToComplete, name => $"Stage '{name}' in {System.IO.Path.GetFileName(path)}");
        }
        catch (StageMapException)
        {
            return Enumerable.Empty<CompletionResult>();
        }
    }

    private static string? Newest(IDictionary? fakeBoundParameters)
    {
        var configuration = CompletionContext.ConfigurationFor(fakeBoundParameters);
        return configuration?.Path is { } bound ? SnapshotFolder.Files(SnapshotFolder.For(bound)) is { Count: > 0 } files ? files[files.Count - 1] : null : null;
    }
}
