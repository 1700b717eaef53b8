using System.Globalization;
using System.IO;
using System.Management.Automation;
using CsvHelper;

namespace StageMap.OtherCsvModule;

/// <summary>Read-OtherCsv -Path: the rows of a CSV file as dictionaries, read with this module's CsvHelper.</summary>
[Cmdlet(VerbsCommunications.Read, "OtherCsv")]
[OutputType(typeof(PSObject))]
public sealed class ReadOtherCsvCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Path { get; set; } = "";

    protected override void ProcessRecord()
    {
        using var reader = new StreamReader(GetUnresolvedProviderPathFromPSPath(Path));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        foreach (var record in csv.GetRecords<dynamic>())
        {
            var row = new PSObject();
            foreach (var field in (System.Collections.Generic.IDictionary<string, object>)record)
            {
                row.Properties.Add(new PSNoteProperty(field.Key, field.Value));
            }

            row.Properties.Add(new PSNoteProperty("CsvHelperVersion", typeof(CsvReader).Assembly.GetName().Version!.ToString()));
            WriteObject(row);
        }
    }
}
