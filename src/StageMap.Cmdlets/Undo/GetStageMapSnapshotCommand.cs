using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Model;
using StageMap.Engine.Undo;

namespace StageMap.Cmdlets.Undo;

/// <summary>
/// Get-StageMapSnapshot: the snapshots Sync-OutreachStage took before it wrote, newest first: when,
/// what the sync changed, the prospects saved, and whether a restore put them back. By default those
/// beside the configuration file (&lt;name&gt;.snapshots); -Path names folders or snapshot files.
/// </summary>
[Cmdlet(VerbsCommon.Get, "StageMapSnapshot", DefaultParameterSetName = PathSet)]
[OutputType(typeof(StageSnapshotInfo))]
public sealed class GetStageMapSnapshotCommand : StageMapCommand
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    private readonly List<string> _files = new();

    /// <summary>Folders of snapshots, or snapshot files; wildcards allowed.</summary>
    [Parameter(Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Folders of snapshots, or snapshot files, taken exactly as typed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>The configuration whose snapshot folder to list, instead of the current one.</summary>
    [Parameter]
    [ValidateNotNull]
    public StageMapConfiguration? Configuration { get; set; }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        var paths = literal ? LiteralPath : Path;
        if (paths is null)
        {
            return;
        }

        foreach (var path in paths)
        {
            foreach (var found in ResolveExistingFiles(path, literal, foldersToo: true))
            {
                _files.AddRange(Directory.Exists(found) ? SnapshotFolder.Files(found) : new[] { found });
            }
        }
    }

    protected override void EndProcessing()
    {
        if (Path is null && ParameterSetName == PathSet)
        {
            try
            {
                var folder = SnapshotFolder.Resolve(null, (Configuration ?? CurrentConfiguration.Get())?.Path, forListing: true);
                WriteVerbose($"Snapshots beside the configuration: {folder}{(Directory.Exists(folder) ? "" : " (none yet: no sync has written to Outreach)")}");
                _files.AddRange(SnapshotFolder.Files(folder));
            }
            catch (StageMapException failure)
            {
                ThrowFailure(failure);
            }
        }

        WriteObject(SnapshotFolder.Read(_files, WriteFailure), enumerateCollection: true);
    }
}
