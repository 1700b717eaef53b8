<#
.SYNOPSIS
    Measures Find-StageDrift's speed and peak memory on -Rows CRM records against -Rows prospects and
    writes its section of docs/benchmarks.md.
.DESCRIPTION
    Speed: Find-StageDrift and the bulk conversion of the same lead file, alternating -Runs times in
    this process; drift's rows/s count the records of both files. Goal: at least 1,000,000 rows/s.
    The bar is the bulk conversion's: a fresh PowerShell converting the same lead file with
    ConvertTo-OutreachProspect -Path/-OutFile (streaming, one record at a time). Find-StageDrift
    streams both files too but holds the smaller file's keys, so its goal is: peak working set within
    the bar plus that key set. The key set is measured here on its own: the join's own key set
    (StageMap.Engine.Drift.KeySet, a table of 16-byte slots, each a Salesforce id packed with its
    payload and flags), made for as many keys as the join held and sized as the join sizes it. The drift
    peak is the whole process's: it includes the thread that reads the held file again beside the join,
    with its reader's buffers and the records it keeps as candidates for having no partner.

    Data (generated from a fixed seed, nothing committed): leads as they were at the last sync,
    converted to prospects by ConvertTo-OutreachProspect; then the leads as they are now, 1 % with
    another status and the last 0.5 % replaced by new leads (so both sides have strays). Each peak is
    the median of -Runs fresh PowerShell processes.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/StageMap'),
    [int] $Rows = 1000000,
    [int] $Runs = 3,
    [string] $Report = (Join-Path $PSScriptRoot '../../docs/benchmarks.md')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$manifest = (Resolve-Path (Join-Path $ModulePath 'StageMap.psd1')).Path
Import-Module $manifest -Force
$work = Join-Path ([System.IO.Path]::GetTempPath()) "stagemap-drift-bench-$PID"
New-Item -ItemType Directory -Path $work -Force | Out-Null

Add-Type -TypeDefinition @'
using System;
using System.Globalization;
using System.IO;
using System.Text;

public static class StageDriftBench
{
    static readonly string[] Statuses = { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" };

    /// <summary>Leads with 18-character ids (valid: the suffix encodes the case of the first 15); <paramref name="now"/> moves 1 % to another status and replaces the last 0.5 %.</summary>
    public static void WriteLeads(string path, int rows, int seed, bool now)
    {
        var random = new Random(seed);
        var replacedFrom = rows - rows / 200;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.NewLine = "\r\n";
            writer.WriteLine("Id,FirstName,LastName,Email,Company,Status");
            for (var i = 0; i < rows; i++)
            {
                var status = Statuses[random.Next(Statuses.Length)];
                var moved = random.Next(100) == 0;
                if (now && moved) status = Statuses[(Array.IndexOf(Statuses, status) + 1) % Statuses.Length];
                var id = now && i >= replacedFrom ? i + rows : i;
                writer.Write("00Q5g"); writer.Write(id.ToString("D10", CultureInfo.InvariantCulture)); writer.Write("EAA,"); // the case suffix of 00Q5g + digits
                writer.Write("First"); writer.Write(i); writer.Write(",Last"); writer.Write(i); writer.Write(",lead"); writer.Write(i);
                writer.Write("@example.com,\"Company "); writer.Write(i % 4999); writer.Write(", Inc.\",");
                writer.WriteLine(status);
            }
        }
    }
}
'@

function Get-Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

function Measure-Peak([string] $command) {
    $hostPath = (Get-Process -Id $PID).Path
    $prefix = @(if ([System.IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    $script = "Import-Module '$manifest'; Import-StageMapConfiguration '$configPath' | Out-Null; $command | Out-Null; [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64"
    $values = foreach ($i in 1..$Runs) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $peak = [long](& $hostPath @prefix -NoProfile -NonInteractive -Command $script | Select-Object -Last 1)
        Write-Host ("  {0:N0} MiB in {1:N1} s" -f ($peak / 1MB), $watch.Elapsed.TotalSeconds)
        $peak
    }
    Get-Median $values
}

try {
    $configPath = Join-Path $work 'mapping.json'
    Copy-Item (Join-Path (Split-Path $manifest) 'samples/outreach-sync-mapping.json') $configPath
    Import-StageMapConfiguration $configPath | Out-Null
    $then = Join-Path $work 'leads-at-sync.csv'
    $now = Join-Path $work 'leads-now.csv'
    $prospects = Join-Path $work 'prospects.jsonl'
    Write-Host "Generating $Rows leads twice (seed 20261129) and converting the first file to prospects..."
    [StageDriftBench]::WriteLeads($then, $Rows, 20261129, $false)
    [StageDriftBench]::WriteLeads($now, $Rows, 20261129, $true)
    # The drift leads carry the id, the names, the email, the company and the status only: the four mapped columns they lack
    # (Title, Phone, State, LeadSource) are warned about once per conversion, which says nothing here.
    ConvertTo-OutreachProspect -Object Lead -Path $then -OutFile $prospects -WarningAction SilentlyContinue | Out-Null

    Write-Host 'The bar: bulk conversion of the leads in a fresh PowerShell...'
    $bar = Measure-Peak "ConvertTo-OutreachProspect -Object Lead -Path '$now' -OutFile '$(Join-Path $work 'bar.jsonl')' -Force"
    Write-Host 'Find-StageDrift on both files in a fresh PowerShell...'
    $drift = Measure-Peak "Find-StageDrift -Object Lead -CrmPath '$now' -OutreachPath '$prospects' -OutFile '$(Join-Path $work 'drift.jsonl')' -Force"
    Write-Host "Find-StageDrift and the bulk conversion side by side, $Runs runs each..."
    $driftTimes = [System.Collections.Generic.List[double]]::new()
    $bulkTimes = [System.Collections.Generic.List[double]]::new()
    for ($i = 0; $i -lt $Runs; $i++) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        ConvertTo-OutreachProspect -Object Lead -Path $now -OutFile (Join-Path $work 'bar.jsonl') -Force -WarningAction SilentlyContinue | Out-Null
        $bulkTimes.Add($watch.Elapsed.TotalSeconds)
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $summary = Find-StageDrift -Object Lead -CrmPath $now -OutreachPath $prospects -OutFile (Join-Path $work 'drift.jsonl') -Force
        $driftTimes.Add($watch.Elapsed.TotalSeconds)
    }
    $elapsed = Get-Median $driftTimes
    $bulkElapsed = Get-Median $bulkTimes
    $driftRate = ($summary.CrmRead + $summary.OutreachRead) / $elapsed
    $bulkRate = $Rows / $bulkElapsed

    Write-Host 'The key set alone...'
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $before = [GC]::GetTotalMemory($true)
    # The join's own key set (internal to the engine, which the module loads in a context of its own: found
    # through the summary's type), sized as the join sizes it; its table is allocated whole when made.
    $keySetType = $summary.GetType().Assembly.GetType('StageMap.Engine.Drift.KeySet', $true)
    $keys = [Activator]::CreateInstance($keySetType, [object[]]@([int]($summary.HeldKeys * 1.1)))
    $keySet = [GC]::GetTotalMemory($true) - $before
    $keys = $null

    $goal = $bar + $keySet
    $cpu = (Get-Content /proc/cpuinfo -ErrorAction Ignore | Where-Object { $_ -match '^model name' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
    $os = (Get-Content /etc/os-release -ErrorAction Ignore | Where-Object { $_ -match '^PRETTY_NAME=' }) -replace '^PRETTY_NAME="?|"$', ''
    $table = @"
<!-- drift:begin (written by tests/StageMap.Benchmarks/Measure-StageDrift.ps1; do not edit by hand) -->
## Stage drift (``Find-StageDrift``)

Measured $(Get-Date -AsUTC -Format 'yyyy-MM-dd HH:mm') UTC on $([Environment]::ProcessorCount) cores ($cpu), $os, PowerShell $($PSVersionTable.PSVersion), load average $((Get-Content /proc/loadavg -ErrorAction Ignore) -split ' ' | Select-Object -First 1) at the end,
by ``tests/StageMap.Benchmarks/Measure-StageDrift.ps1`` (not part of Test). $('{0:N0}' -f $Rows) leads now (CSV) against
$('{0:N0}' -f $Rows) prospects written by ``ConvertTo-OutreachProspect`` from the leads at the last sync (JSON Lines); 1 % of the
leads changed status since, 0.5 % are new. Configuration ``module/samples/outreach-sync-mapping.json``. Peaks are medians of
$Runs fresh PowerShell processes.

| measure | value |
| --- | ---: |
| pairs / drifted / CRM only / Outreach only | $('{0:N0} / {1:N0} / {2:N0} / {3:N0}' -f $summary.Pairs, $summary.Drifted, $summary.CrmOnly, $summary.OutreachOnly) |
| keys held (the $($summary.HeldSide) file, the smaller) | $('{0:N0}' -f $summary.HeldKeys) |
| the bar: peak working set of ``ConvertTo-OutreachProspect -Path -OutFile`` on the leads | $('{0:N0}' -f ($bar / 1MB)) MiB |
| the key set alone (the join's key set, ids packed in 16-byte slots at most three quarters full, sized as the join sizes it) | $('{0:N0}' -f ($keySet / 1MB)) MiB |
| peak working set of ``Find-StageDrift -OutFile`` | $('{0:N0}' -f ($drift / 1MB)) MiB |
| ``Find-StageDrift -OutFile``, median of $Runs runs in this process | $('{0:N2}' -f $elapsed) s, $('{0:N0}' -f $driftRate) rows/s over both files |
| ``ConvertTo-OutreachProspect -Path -OutFile`` on the leads, alternating with it | $('{0:N2}' -f $bulkElapsed) s, $('{0:N0}' -f $bulkRate) rows/s |
| drift against bulk (rows/s) | $('{0:N2}' -f ($driftRate / $bulkRate))x |

| goal | measured | |
| --- | --- | --- |
| at least 1,000,000 rows/s over both files | $('{0:N0}' -f $driftRate) rows/s | $(if ($driftRate -ge 1000000) { 'met' } else { '**not met**' }) |
| peak within the bar plus the key set ($('{0:N0}' -f ($goal / 1MB)) MiB) | $('{0:N0}' -f ($drift / 1MB)) MiB | $(if ($drift -le $goal) { 'met' } else { '**not met**' }) |
<!-- drift:end -->
"@
    $existing = Get-Content $Report -Raw
    $pattern = '(?s)<!-- drift:begin.*?<!-- drift:end -->'
    $updated = if ($existing -match $pattern) { [regex]::Replace($existing, $pattern, { param($m) $table }) } else { $existing.TrimEnd() + "`n`n" + $table + "`n" }
    Set-Content -Path $Report -Value $updated.TrimEnd() -Encoding utf8NoBOM
    Write-Host $table
}
finally {
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}
