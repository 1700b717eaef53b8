using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Threading;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Conversion;

/// <summary>
/// What ConvertTo-OutreachProspect and ConvertTo-SalesforceRecord share: records from the pipeline
/// (one error record per record that cannot convert, its TargetObject the input record) or a file
/// streamed to a file (-Path/-LiteralPath with -OutFile).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The token source has no timer, so it holds nothing to release; StopProcessing may cancel it at any time, which a disposed source would refuse.")]
public abstract class ConversionCommand : ConfigurationCommand
{
    protected const string RecordSet = "Record";
    protected const string PathSet = "Path";
    protected const string LiteralPathSet = "LiteralPath";

    private readonly CancellationTokenSource _stop = new();

    // CrmObject, RecordFileFormat and RecordShape held as their numbers: an engine enum field would load the
    // engine at import (see ModuleLoader).
    private int _object;
    private int? _outputFormat;
    private int _shape;

    // Begin sets these four (and _shape) before PowerShell calls ProcessRecord or EndProcessing (a Begin that
    // fails stops the command first), so those read them with '!'.
    private ConversionPlan? _plan;
    private MissingFieldTally? _missing;
    private PSPropertyLookup? _properties;
    private ConvertedObjects? _objects;

    /// <summary>The CRM object the records are (or become).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [EnumValue(typeof(CrmObject))]
    public CrmObject Object { get => (CrmObject)_object; set => _object = (int)value; }

    /// <summary>A record from the pipeline: a PSCustomObject, a hashtable or another dictionary.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RecordSet)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>The file to convert (CSV, JSON or JSON Lines); wildcards must match one file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The file to convert, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    /// <summary>The file to write the converted records to.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [ValidateNotNullOrEmpty]
    public string OutFile { get; set; } = "";

    /// <summary>The file to write rejected records to, each with its reason and error id.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [ValidateNotNullOrEmpty]
    public string? RejectFile { get; set; }

    /// <summary>The output format, instead of the one -OutFile's extension names.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    public RecordFileFormat? OutputFormat { get => (RecordFileFormat?)_outputFormat; set => _outputFormat = (int?)value; }

    /// <summary>Overwrite -OutFile and -RejectFile if they exist.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    public SwitchParameter Force { get; set; }

    /// <summary>The input's encoding when it has no byte order mark: a name Import-Csv takes, windows-1252, a code page, or an Encoding.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [EncodingArgument]
    [ArgumentCompleter(typeof(EncodingNameCompleter))]
    public Encoding? Encoding { get; set; }

    /// <summary>In CSV output, prefix cells starting with =, +, -, @, tab or CR with ' so a spreadsheet shows them as text.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    public SwitchParameter EscapeFormula { get; set; }

    /// <summary>Pull (CRM to Outreach) or push.</summary>
    protected abstract ConversionDirection Direction { get; }

    /// <summary>The -As value of the cmdlet.</summary>
    protected abstract RecordShape Shape { get; }

    /// <summary>The <see cref="Shape"/> of this run, read once in Begin.</summary>
    private RecordShape RunShape => (RecordShape)_shape;

    protected override void Begin()
    {
        _shape = (int)Shape;
        try
        {
            _plan = ConversionPlan.Create(TargetConfiguration, Object, Direction);
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }

        foreach (var warning in _plan.Warnings)
        {
            WriteWarning(warning);
        }

        _missing = new MissingFieldTally(_plan, WriteWarning);
        _properties = new PSPropertyLookup();
        _objects = new ConvertedObjects(_plan);
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == RecordSet)
        {
            foreach (var field in _missing!.Fields)
            {
                WriteVerbose($"Converted without '{field.Field}': {field.Records} record(s).");
            }
        }
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == RecordSet)
        {
            ConvertRecord(InputObject);
        }
        else
        {
            ConvertFile();
        }
    }

    protected override void StopProcessing() => _stop.Cancel();

    private void ConvertRecord(PSObject? input)
    {
        var record = PSObjectRecord.From(input, _properties!);
        var result = record is null ? ConversionResult.Fail(ConversionPlan.NotARecord(input?.BaseObject)) : _plan!.Convert(record, _missing);
        if (!result.Succeeded)
        {
            WriteError(ErrorRecords.From(result.Failure.ToException(input), input!));
            return;
        }

        if (RunShape == RecordShape.Object)
        {
            WriteObject(_objects!.ToPSObject(result.Record));
        }
        else
        {
            WriteObject(RecordJson.ToJson(result.Record, RunShape));
        }
    }

    private void ConvertFile()
    {
        var literal = ParameterSetName == LiteralPathSet;
        var inputs = ResolveExistingFiles(literal ? LiteralPath : Path, literal);
        if (inputs.Count == 0)
        {
            return;
        }

        if (inputs.Count > 1)
        {
            ThrowFailure(CommandFailures.ConversionPathMatchesManyFiles(Path, inputs.Count));
        }

        var job = new BulkConversion
        {
            InputPath = inputs[0],
            OutputPath = ResolveNewFilePath(OutFile),
            OutputFormat = OutputFormat,
            RejectPath = RejectFile is null ? null : ResolveNewFilePath(RejectFile),
            Shape = RunShape,
            Force = Force,
            EscapeFormula = EscapeFormula,
            Encoding = Encoding,
        };
        if (!ShouldProcess(job.OutputPath, $"Convert {Object} records from '{job.InputPath}'"))
        {
            return;
        }

        var activity = $"Converting {System.IO.Path.GetFileName(job.InputPath)}";
        try
        {
            var summary = BulkConverter.Run(
                _plan!,
                job,
                progress => WriteProgress(new ProgressRecord(1, activity, $"{progress.Read:N0} read, {progress.Written:N0} written, {progress.Rejected:N0} rejected") { PercentComplete = progress.PercentComplete }),
                (record, failure) => WriteError(ErrorRecords.From(failure.ToException(null), ConvertedObjects.ToPSObject(record))),
                WriteWarning,
                _stop.Token);
            WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            WriteObject(summary);
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the pipeline is stopping; no output file was written.
        }
    }
}
