using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Cmdlets.Live;
using StageMap.Engine;
using StageMap.Engine.Live.Salesforce;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.CrmMetadata;

/// <summary>
/// Import-CrmMetadata: reads Salesforce metadata files (format told by content) into the
/// configuration's CRM metadata. All files of the command are read first; if any cannot be read,
/// nothing is imported, so a failed import changes nothing.
/// </summary>
[Cmdlet(VerbsData.Import, "CrmMetadata", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(MetadataFile))]
public sealed class ImportCrmMetadataCommand : ConfigurationChangeCommand
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string OnlineSet = "Online";

    private readonly List<string> _files = new();
    private readonly LiveCall _live;
    private int _unresolved;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    public ImportCrmMetadataCommand()
    {
        _live = new LiveCall(this);
    }

    /// <summary>Reads the org of the Salesforce connection instead of files.</summary>
    [Parameter(Mandatory = true, ParameterSetName = OnlineSet)]
    public SwitchParameter Online { get; set; }

    /// <summary>The objects whose describes are read online; Lead also reads the LeadStatus records.</summary>
    [Parameter(ParameterSetName = OnlineSet)]
    [ValidateNotNullOrEmpty]
    [EnumValue(typeof(CrmObject))]
    public CrmObject[] Object { get; set; } = { CrmObject.Lead, CrmObject.Contact };

    /// <summary>The Salesforce connection to read; the session's current one by default.</summary>
    [Parameter(ParameterSetName = OnlineSet)]
    [ValidateNotNull]
    public CrmConnection? Connection { get; set; }

    /// <summary>The Contact picklist that carries the status; by default the one the configuration knows (Contact_Status__c at first).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ContactFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ContactStatusField { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == OnlineSet)
        {
            return;
        }

        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in literal ? LiteralPath : Path)
        {
            var resolved = ResolveExistingFiles(path, literal, foldersToo: true);
            if (resolved.Count == 0 && (literal || !WildcardPattern.ContainsWildcardCharacters(path)))
            {
                _unresolved++;
            }

            _files.AddRange(resolved.Where(f => !_files.Contains(f, StringComparer.Ordinal)));
        }
    }

    protected override void EndProcessing()
    {
        var field = ContactStatusField ?? TargetConfiguration.CrmMetadata.ContactStatusField;
        var read = ParameterSetName == OnlineSet ? ReadOnline(field) : ReadFiles(field);
        if (read is not null && read.Count > 0)
        {
            foreach (var warning in read.SelectMany(f => f.Warnings))
            {
                WriteWarning(warning);
            }

            var names = string.Join(", ", read.Select(f => f.Name));
            var what = ParameterSetName == OnlineSet ? $"Import what the org gave: {names}" : $"Import {read.Count} file(s): {names}";
            var notes = new List<string>();
            var imported = Change("CRM metadata of the configuration", what, () => TargetConfiguration.ImportCrmMetadata(read, notes));
            foreach (var note in notes)
            {
                WriteWarning(note);
            }

            if (imported is not null && PassThru)
            {
                WriteObject(read, enumerateCollection: true);
            }
        }

        base.EndProcessing();
    }

    protected override void StopProcessing()
    {
        _live.Stop();
        base.StopProcessing();
    }

    /// <returns>Every file read, or null when any could not be (then nothing is imported).</returns>
    private List<MetadataFile>? ReadFiles(string field)
    {
        var read = new List<MetadataFile>();
        var failed = _unresolved;
        var tried = _unresolved;
        foreach (var path in _files)
        {
            if (System.IO.Directory.Exists(path))
            {
                var folder = ReadFolder(path, field);
                failed += folder.Failures.Count;
                tried += folder.Failures.Count + folder.Files.Count;
                read.AddRange(folder.Files.Where(f => !read.Any(r => string.Equals(r.Path, f.Path, StringComparison.Ordinal))));
                continue;
            }

            tried++;
            try
            {
                read.Add(MetadataReader.Read(path, field));
            }
            catch (StageMapException failure)
            {
                WriteFailure(failure);
                failed++;
            }
        }

        if (failed > 0)
        {
            WriteWarning($"Nothing was imported: {failed} of {tried} file(s) could not be read. Fix or leave out those files and run the import again.");
            return null;
        }

        return read;
    }

    /// <summary>Every file of the folder StageMap recognises (see <see cref="MetadataFolder"/>); Verbose lists the others.</summary>
    private FolderRead ReadFolder(string path, string field)
    {
        FolderRead folder;
        try
        {
            folder = MetadataFolder.Read(path, field);
        }
        catch (StageMapException failure)
        {
            WriteFailure(failure);
            return new FolderRead(Array.Empty<MetadataFile>(), Array.Empty<SkippedFile>(), new[] { failure });
        }

        foreach (var skipped in folder.Skipped)
        {
            WriteVerbose($"Skipped '{skipped.Path}': {skipped.Why.TrimEnd('.')}.");
        }

        foreach (var failure in folder.Failures)
        {
            WriteFailure(failure);
        }

        WriteVerbose($"'{path}': {folder.Files.Count} file(s) to import, {folder.Skipped.Count} skipped.");
        if (folder.Files.Count == 0 && folder.Failures.Count == 0)
        {
            WriteWarning($"'{path}' holds no file StageMap reads, so nothing was read from it. -Verbose lists what it skipped.");
        }

        return folder;
    }

    /// <summary>The describes and the LeadStatus records from the org; a failed call is a terminating error and imports nothing.</summary>
    private List<MetadataFile> ReadOnline(string field)
    {
        try
        {
            var connection = LiveSessions.RequireCrm(Connection);
            var objects = Object.Distinct().ToList();
            return _live.Run((http, cancellation) => new CrmOrgReader(http, connection).ReadAsync(objects, field, cancellation)).ToList();
        }
        catch (StageMapException failure)
        {
            throw ThrowFailure(failure);
        }
    }
}
