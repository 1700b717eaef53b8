<#
.SYNOPSIS
    Measures record conversion side by side in one run and writes its section of docs/benchmarks.md.
.DESCRIPTION
    (a) Pipeline, -PipelineRows leads: Import-Csv piped to ConvertTo-OutreachProspect, to a Select-Object
        projection of 8 of the same properties, and to a hand-written ForEach-Object doing the same
        conversion, each against Import-Csv alone. The ratios compare what each adds to Import-Csv.
        Goals: the cmdlet adds at most 0.33x what Select-Object adds, and at least 3x less than the script.
    (b) Bulk, -BulkRows leads CSV to JSON Lines: ConvertTo-OutreachProspect -Path/-OutFile against the
        plain reader-plus-writer floor (CsvHelper's parser, Json.NET's writer, no mapping).
        Goal: at least 1,000,000 rows/s.
    (c) Memory: the peak working set of a fresh PowerShell converting -PipelineRows, -BulkRows and
        -FlatRows leads. Goals: the peak at -BulkRows within 1.25x of the peak at -PipelineRows, and
        at -FlatRows within 1.25x of the peak at -BulkRows (flat).
    Input data is generated here from a fixed seed (nothing committed). Each time is the median of -Runs
    runs, the contenders alternating, so a noisy machine hits all of them alike.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/StageMap'),
    [int] $PipelineRows = 100000,
    [int] $BulkRows = 1000000,
    [int] $FlatRows = 10000000,
    [int] $Runs = 5,
    [string] $Report = (Join-Path $PSScriptRoot '../../docs/benchmarks.md')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$started = [System.Diagnostics.Stopwatch]::StartNew()
$manifest = (Resolve-Path (Join-Path $ModulePath 'StageMap.psd1')).Path
Import-Module $manifest -Force
$moduleDir = Split-Path $manifest
$work = Join-Path ([System.IO.Path]::GetTempPath()) "stagemap-bench-$PID"
New-Item -ItemType Directory -Path $work -Force | Out-Null

# The floor uses the very CsvHelper the module ships for PowerShell 7 (bin/net8.0) and the Json.NET PowerShell carries.
$csvHelper = Join-Path $moduleDir 'bin/net8.0/CsvHelper.dll'
Add-Type -Path $csvHelper
# CS1701 (CsvHelper and Json.NET built against older System.Runtime) is harmless here and would print a screenful.
Add-Type -IgnoreWarnings -WarningAction SilentlyContinue -ReferencedAssemblies $csvHelper, ([Newtonsoft.Json.JsonConvert].Assembly.Location), 'System.Runtime', 'netstandard', 'System.IO', 'System.Text.Encoding.Extensions', 'System.Runtime.Extensions' -TypeDefinition @'
using System;
using System.Globalization;
using System.IO;
using System.Text;

public static class StageMapBench
{
    static readonly string[] Statuses = { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" };
    static readonly string[] Titles = { "VP, Sales", "Director of Operations", "", "CFO", "Head of \"Growth\"" };
    static readonly string[] States = { "CA", "NY", "", "TX", "VA" };
    static readonly string[] Sources = { "Web", "Partner Referral", "Trade Show", "" };

    /// <summary>Leads as a Data Loader export writes them; the same seed gives the same file.</summary>
    public static void WriteLeads(string path, int rows, int seed)
    {
        var random = new Random(seed);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.NewLine = "\r\n";
            writer.WriteLine("Id,FirstName,LastName,Email,Title,Company,Phone,State,LeadSource,Status");
            for (var i = 0; i < rows; i++)
            {
                var title = Titles[random.Next(Titles.Length)];
                writer.Write("00Q5g0000"); writer.Write(i.ToString("D9", CultureInfo.InvariantCulture)); writer.Write(',');
                writer.Write("First"); writer.Write(i); writer.Write(",Last"); writer.Write(i); writer.Write(',');
                writer.Write("lead"); writer.Write(i); writer.Write("@example.com,");
                writer.Write(title.IndexOfAny(new[] { ',', '"' }) >= 0 ? "\"" + title.Replace("\"", "\"\"") + "\"" : title); writer.Write(',');
                writer.Write("\"Company "); writer.Write(i % 4999); writer.Write(", Inc.\",");
                writer.Write("(555) "); writer.Write((i % 1000).ToString("D3", CultureInfo.InvariantCulture)); writer.Write('-'); writer.Write((i % 10000).ToString("D4", CultureInfo.InvariantCulture)); writer.Write(',');
                writer.Write(States[random.Next(States.Length)]); writer.Write(',');
                writer.Write(Sources[random.Next(Sources.Length)]); writer.Write(',');
                writer.WriteLine(Statuses[random.Next(Statuses.Length)]);
            }
        }
    }

    /// <summary>The floor: read every CSV field with CsvHelper's parser, write each row as a JSON Lines object with Json.NET, no mapping.</summary>
    public static long Floor(string input, string output)
    {
        long rows = 0;
        using (var stream = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan))
        using (var text = new StreamReader(stream, new UTF8Encoding(false), true, 65536))
        using (var parser = new CsvHelper.CsvParser(text, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture)))
        using (var outStream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 65536))
        using (var outText = new StreamWriter(outStream, new UTF8Encoding(false), 65536))
        {
            var json = new Newtonsoft.Json.JsonTextWriter(outText) { Formatting = Newtonsoft.Json.Formatting.None, CloseOutput = false };
            parser.Read();
            var header = parser.Record;
            while (parser.Read())
            {
                var record = parser.Record;
                if (rows > 0) { outText.Write('\n'); }
                json.WriteStartObject();
                for (var i = 0; i < header.Length && i < record.Length; i++)
                {
                    json.WritePropertyName(header[i]);
                    json.WriteValue(record[i]);
                }
                json.WriteEndObject();
                rows++;
            }
            json.Flush();
            outText.Write('\n');
        }
        return rows;
    }
}
'@

function Get-Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

function Measure-Alternating([hashtable] $contenders, [int] $runs) {
    $times = @{}
    foreach ($name in $contenders.Keys) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
    for ($i = 0; $i -lt $runs; $i++) {
        foreach ($name in ($contenders.Keys | Sort-Object)) {
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            & $contenders[$name]
            $times[$name].Add($watch.Elapsed.TotalSeconds)
        }
    }
    $medians = @{}
    foreach ($name in $contenders.Keys) { $medians[$name] = Get-Median $times[$name] }
    $medians
}

try {
    $configPath = Join-Path $work 'mapping.json'
    Copy-Item (Join-Path $moduleDir 'samples/outreach-sync-mapping.json') $configPath
    Import-StageMapConfiguration $configPath | Out-Null

    $small = Join-Path $work "leads-$PipelineRows.csv"
    $large = Join-Path $work "leads-$BulkRows.csv"
    Write-Host "Generating $PipelineRows and $BulkRows leads (seed 20261127)..."
    [StageMapBench]::WriteLeads($small, $PipelineRows, 20261127)
    [StageMapBench]::WriteLeads($large, $BulkRows, 20261127)

    # The same conversion as the sample configuration's Lead mappings, by hand: the lookup through the
    # lead status mappings (with the stage name), lists, SkipEmptyOnPull, both placeholders.
    $stageOf = @{ 'Open - Not Contacted' = 1; 'Working - Contacted' = 2; 'Closed - Converted' = 3; 'Closed - Not Converted' = 4 }
    $stageName = @{ 1 = 'New'; 2 = 'Approaching'; 3 = 'Replied'; 4 = 'Unresponsive' }
    $handWritten = {
        process {
            $stage = $stageOf[$_.Status]
            if ($null -eq $stage) { Write-Error "Status '$($_.Status)' has no lead status mapping" -TargetObject $_; return }
            $p = [ordered]@{ salesforceId = $_.Id; stage = $stage; stageName = $stageName[$stage]; firstName = $_.FirstName; lastName = $_.LastName }
            if ([string]::IsNullOrWhiteSpace($_.Email)) { $p.emails = @() } else { $p.emails = @($_.Email) }
            if (-not [string]::IsNullOrWhiteSpace($_.Title)) { $p.title = $_.Title }
            $p.company = if ([string]::IsNullOrWhiteSpace($_.Company) -or $_.Company -ceq '[not provided]') { $null } else { $_.Company }
            if ([string]::IsNullOrWhiteSpace($_.Phone)) { $p.workPhones = @() } else { $p.workPhones = @($_.Phone) }
            $p.addressState = if ([string]::IsNullOrWhiteSpace($_.State)) { 'n/a' } else { $_.State }
            $p.source = if ([string]::IsNullOrWhiteSpace($_.LeadSource)) { $null } else { $_.LeadSource }
            [pscustomobject]$p
        }
    }
    $projection = 'Id', 'FirstName', 'LastName', 'Email', 'Title', 'Company', 'Phone', 'Status'

    # Both produce the same prospects: check it on the first thousand before timing anything.
    $first = Import-Csv $small | Select-Object -First 1000
    $byCmdlet = $first | ConvertTo-OutreachProspect -Object Lead | ConvertTo-Json -Compress -Depth 3
    $byScript = $first | ForEach-Object $handWritten | ConvertTo-Json -Compress -Depth 3
    if ($byCmdlet -ne $byScript) { throw 'The hand-written script and the cmdlet disagree; the comparison would be unfair.' }

    Write-Host "(a) pipeline, $PipelineRows leads, $Runs runs each..."
    $pipeline = Measure-Alternating @{
        '1 import' = { Import-Csv $small | Out-Null }
        '2 cmdlet' = { Import-Csv $small | ConvertTo-OutreachProspect -Object Lead | Out-Null }
        '3 select' = { Import-Csv $small | Select-Object $projection | Out-Null }
        '4 script' = { Import-Csv $small | ForEach-Object $handWritten | Out-Null }
    } $Runs

    Write-Host "(b) bulk, $BulkRows leads, $Runs runs each..."
    $jsonl = Join-Path $work 'out.jsonl'
    $bulk = Measure-Alternating @{
        '1 floor'     = { [StageMapBench]::Floor($large, $jsonl) | Out-Null }
        '2 converter' = { ConvertTo-OutreachProspect -Object Lead -Path $large -OutFile $jsonl -Force | Out-Null }
    } $Runs
    $summary = ConvertTo-OutreachProspect -Object Lead -Path $large -OutFile $jsonl -Force

    Write-Host "(c) peak memory of a fresh PowerShell converting $PipelineRows, $BulkRows and $FlatRows leads..."
    $flat = Join-Path $work "leads-$FlatRows.csv"
    [StageMapBench]::WriteLeads($flat, $FlatRows, 20261127)
    $hostPath = (Get-Process -Id $PID).Path
    $prefix = @(if ([System.IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    $peak = @{}
    $flatSeconds = 0
    foreach ($file in $small, $large, $flat) {
        $script = "Import-Module '$manifest'; Import-StageMapConfiguration '$configPath' | Out-Null; `$s = ConvertTo-OutreachProspect -Object Lead -Path '$file' -OutFile '$jsonl' -Force; '{0} {1}' -f [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64, `$s.Elapsed.TotalSeconds"
        $values = foreach ($i in 1..3) {
            $line = (& $hostPath @prefix -NoProfile -NonInteractive -Command $script | Select-Object -Last 1) -split ' '
            if ($file -eq $flat) { $flatSeconds = [double]$line[1] }
            [long]$line[0]
        }
        $peak[$file] = Get-Median $values
    }
    Remove-Item $flat, $jsonl -ErrorAction Ignore

    $import = $pipeline['1 import']
    $cmdletAdds = $pipeline['2 cmdlet'] - $import
    $selectAdds = $pipeline['3 select'] - $import
    $scriptAdds = $pipeline['4 script'] - $import
    $againstSelect = $cmdletAdds / [math]::Max($selectAdds, 0.001)
    $againstScript = $scriptAdds / [math]::Max($cmdletAdds, 0.001)
    $floor = $bulk['1 floor']
    $converter = $bulk['2 converter']
    $rate = $BulkRows / $converter
    $memory1 = $peak[$large] / $peak[$small]
    $memory10 = $peak[$flat] / $peak[$large]
    $cpu = (Get-Content /proc/cpuinfo -ErrorAction Ignore | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
    if (-not $cpu) { $cpu = [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture }
    $load = (Get-Content /proc/loadavg -ErrorAction Ignore) -split ' ' | Select-Object -First 1
    $verdict = { param($met) if ($met) { 'met' } else { '**not met**' } }
    $n = { param($x, $digits = 2) $x.ToString("N$digits", [cultureinfo]::InvariantCulture) }

    $table = @"
<!-- conversion:begin (written by tests/StageMap.Benchmarks/Measure-Conversion.ps1; do not edit by hand) -->
## Record conversion

Measured $(Get-Date -AsUTC -Format 'yyyy-MM-dd HH:mm') UTC on $([Environment]::ProcessorCount) cores ($cpu), $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription), PowerShell $($PSVersionTable.PSVersion) on $([System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription), load average $load at the end, by ``./build.ps1 -Task Bench``
(``tests/StageMap.Benchmarks/Measure-Conversion.ps1``, $(& $n $started.Elapsed.TotalMinutes 1) min). Input generated with seed 20261127; the configuration is
``module/samples/outreach-sync-mapping.json`` (Lead: the Stage lookup by name with DisplayName and 8 more fields, with
skip-empty and both placeholders). Each time is the median of $Runs alternating runs; absolute times are noisy on
a shared machine, the ratios side by side are what count.

### (a) Pipeline: $('{0:N0}' -f $PipelineRows) leads

| command | median | over Import-Csv alone |
| --- | ---: | ---: |
| ``Import-Csv leads.csv \| Out-Null`` | $(& $n $import) s | |
| ``Import-Csv leads.csv \| ConvertTo-OutreachProspect -Object Lead \| Out-Null`` | $(& $n $pipeline['2 cmdlet']) s | +$(& $n $cmdletAdds) s |
| ``Import-Csv leads.csv \| Select-Object $($projection -join ',') \| Out-Null`` | $(& $n $pipeline['3 select']) s | +$(& $n $selectAdds) s |
| ``Import-Csv leads.csv \| ForEach-Object { hand-written } \| Out-Null`` | $(& $n $pipeline['4 script']) s | +$(& $n $scriptAdds) s |

| goal (what each adds to Import-Csv) | measured | |
| --- | --- | --- |
| the cmdlet at most 0.33x a Select-Object projection of 8 properties | $(& $n $againstSelect)x | $(& $verdict ($againstSelect -le 0.33)) |
| the cmdlet at least 3x faster than the hand-written script | $(& $n $againstScript 1)x | $(& $verdict ($againstScript -ge 3)) |

### (b) Bulk: $('{0:N0}' -f $BulkRows) leads, CSV to JSON Lines

| command | median | rows/s | against the floor |
| --- | ---: | ---: | ---: |
| floor: CsvHelper parser read + Json.NET JSON Lines write, no mapping | $(& $n $floor) s | $('{0:N0}' -f ($BulkRows / $floor)) | 1.00x |
| ``ConvertTo-OutreachProspect -Object Lead -Path leads.csv -OutFile prospects.jsonl`` | $(& $n $converter) s | $('{0:N0}' -f $rate) | $(& $n ($floor / $converter))x |

| peak working set of a fresh ``pwsh`` converting the file (median of 3) | $('{0:N0}' -f $PipelineRows) leads | $('{0:N0}' -f $BulkRows) leads | $('{0:N0}' -f $FlatRows) leads |
| --- | ---: | ---: | ---: |
| peak | $('{0:N0}' -f ($peak[$small] / 1MB)) MiB | $('{0:N0}' -f ($peak[$large] / 1MB)) MiB | $('{0:N0}' -f ($peak[$flat] / 1MB)) MiB |
| ratio to the column before | | $(& $n $memory1)x | $(& $n $memory10)x |

The $('{0:N0}' -f $FlatRows)-lead run took $(& $n $flatSeconds 1) s in its own process ($('{0:N0}' -f ($FlatRows / [math]::Max($flatSeconds, 0.001))) rows/s).

| goal | measured | |
| --- | --- | --- |
| at least 1,000,000 rows/s | $('{0:N0}' -f $rate) rows/s | $(& $verdict ($rate -ge 1000000)) |
| peak memory at $('{0:N0}' -f $BulkRows) rows within 1.25x of that at $('{0:N0}' -f $PipelineRows) | $(& $n $memory1)x | $(& $verdict ($memory1 -le 1.25)) |
| flat to $('{0:N0}' -f $FlatRows) rows: within 1.25x of the peak at $('{0:N0}' -f $BulkRows) | $(& $n $memory10)x | $(& $verdict ($memory10 -le 1.25)) |

Last bulk run: $($summary.Read) read, $($summary.Written) written, $($summary.Rejected) rejected.
<!-- conversion:end -->
"@

    $existing = if (Test-Path $Report) { Get-Content $Report -Raw } else { "# Benchmarks`n`nMeasured by ``./build.ps1 -Task Bench``. Each section is written by its own harness.`n" }
    $pattern = '(?s)<!-- conversion:begin.*?<!-- conversion:end -->'
    $updated = if ($existing -match $pattern) { [regex]::Replace($existing, $pattern, { param($m) $table }) } else { $existing.TrimEnd() + "`n`n" + $table + "`n" }
    Set-Content -Path $Report -Value $updated.TrimEnd() -Encoding utf8NoBOM
    Write-Host $table
}
finally {
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}
