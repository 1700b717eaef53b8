using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using StageMap.Engine;

namespace StageMap.Cmdlets.Infrastructure;

/// <summary>What every StageMap cmdlet shares: engine failures as error records, and path resolution.</summary>
public abstract class StageMapCommand : PSCmdlet
{
    /// <summary>The tag that makes an information record show on the host, as Write-Host's do.</summary>
    protected static readonly string[] HostTags = { "PSHOST" };

    /// <summary>The wildcard that selects every name, for a name parameter the user left out.</summary>
    protected static readonly string[] AnyName = { "*" };

    private HighImpactConfirmation? _highImpact;

    /// <summary>Loads the module's views into this session if no StageMap command has yet, then <see cref="Begin"/>.</summary>
    protected sealed override void BeginProcessing()
    {
        ModuleViews.EnsureLoaded(this);
        Begin();
    }

    /// <summary>What the command does before the first pipeline object (BeginProcessing, which this class keeps).</summary>
    protected virtual void Begin()
    {
    }

    protected void WriteFailure(StageMapException failure) => WriteError(ErrorRecords.From(failure));

    /// <summary>True under -WhatIf or $WhatIfPreference: the command reads but writes and records nothing.</summary>
    protected bool IsWhatIf => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
        ? LanguagePrimitives.IsTrue(whatIf)
        : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    /// <summary>Stops the command with <paramref name="failure"/> as its terminating error.</summary>
    /// <returns>
    /// Never returns. C# checks that a method ends in a return or a throw without reading [DoesNotReturn], so
    /// where one must, it ends in <c>throw ThrowFailure(failure);</c>.
    /// </returns>
    [DoesNotReturn]
    protected Exception ThrowFailure(StageMapException failure)
    {
        ThrowTerminatingError(ErrorRecords.From(failure));

        // ThrowTerminatingError always throws, but PowerShellStandard.Library does not mark it [DoesNotReturn].
        throw new InvalidOperationException("ThrowTerminatingError returned.");
    }

    /// <summary>
    /// After ShouldProcess: asks again before a destructive step, as a ConfirmImpact High cmdlet would
    /// (see <see cref="HighImpactConfirmation"/>). False when the user says no.
    /// </summary>
    protected bool ConfirmDestructive(string target, string action) =>
        (_highImpact ??= new HighImpactConfirmation(this)).Confirm(target, action);

    /// <summary>
    /// A file this command wrote, as Get-Item gives it: through the FileSystem provider, which adds what
    /// its default view shows (the folder it groups by, the mode, owner and size). A bare FileInfo shows blank.
    /// </summary>
    protected PSObject WrittenFile(string fullPath) => InvokeProvider.Item.Get(new[] { fullPath }, force: true, literalPath: true)[0];

    /// <summary>A file path that may not exist yet, resolved against the current location (~ and relative paths work).</summary>
    protected string ResolveNewFilePath(string path) => GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>
    /// The existing files <paramref name="path"/> names: wildcards expanded unless <paramref name="literal"/>
    /// (a wildcard may name folders too; a literal path may only with <paramref name="foldersToo"/>).
    /// A path that matches nothing is a non-terminating error naming it.
    /// </summary>
    protected IReadOnlyList<string> ResolveExistingFiles(string path, bool literal, bool foldersToo = false)
    {
        var files = new List<string>();
        try
        {
            if (literal)
            {
                var resolved = GetUnresolvedProviderPathFromPSPath(path);
                if (!System.IO.File.Exists(resolved) && !(foldersToo && System.IO.Directory.Exists(resolved)))
                {
                    throw new ItemNotFoundException($"Cannot find path '{resolved}' because it does not exist.");
                }

                files.Add(resolved);
            }
            else
            {
                files.AddRange(GetResolvedProviderPathFromPSPath(path, out _));
                if (files.Count == 0)
                {
                    throw new ItemNotFoundException($"Cannot find path '{path}' because no file matches it.");
                }
            }
        }
        catch (ItemNotFoundException e)
        {
            WriteError(new ErrorRecord(e, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
        }

        return files;
    }
}
