using System;
using System.IO;
using System.Management.Automation;
using StageMap.Engine.Undo;

namespace StageMap.Cmdlets.Undo;

/// <summary>
/// Lets -Snapshot take what an admin has at hand: a path, a file (Get-ChildItem), or a snapshot
/// Get-StageMapSnapshot listed. Each becomes the snapshot file's path.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class SnapshotArgumentAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => PathOf(inputData) ?? inputData;

    /// <summary>The snapshot file a value names, or null when it names none.</summary>
    internal static string? PathOf(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) switch
    {
        StageSnapshotInfo info => info.Path,
        FileInfo file => file.FullName,
        string path => path,
        _ => null,
    };
}
