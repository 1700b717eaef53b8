using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Metadata;

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

    private readonly List<string> _files = new();
    private int _unresolved;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>The Contact picklist that carries the status; by default the one the configuration knows (Contact_Status__c at first).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ContactFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ContactStatusField { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in literal ? LiteralPath : Path)
        {
            var resolved = ResolveExistingFiles(path, literal);
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
        var read = new List<MetadataFile>();
        var failed = _unresolved;
        foreach (var file in _files)
        {
            try
            {
                read.Add(MetadataReader.Read(file, field));
            }
            catch (StageMapException failure)
            {
                WriteFailure(failure);
                failed++;
            }
        }

        if (failed > 0)
        {
            WriteWarning($"Nothing was imported: {failed} of {_files.Count + _unresolved} file(s) could not be read. Fix or leave out those files and run the import again.");
        }
        else if (read.Count > 0)
        {
            foreach (var warning in read.SelectMany(f => f.Warnings))
            {
                WriteWarning(warning);
            }

            var names = string.Join(", ", read.Select(f => f.Name));
            var imported = Change("CRM metadata of the configuration", $"Import {read.Count} file(s): {names}", () => TargetConfiguration.ImportCrmMetadata(read));
            if (imported is not null && PassThru)
            {
                WriteObject(read, enumerateCollection: true);
            }
        }

        base.EndProcessing();
    }
}
