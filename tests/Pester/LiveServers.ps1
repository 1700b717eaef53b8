# Dot-sourced by the live suites: the loopback Salesforce and Outreach servers (tests/StageMap.LiveServers)
# as a child process on 127.0.0.1, and a fake Salesforce CLI ('sf') first on PATH. Nothing reaches
# another machine.
$script:LiveServersProject = Join-Path $PSScriptRoot '../StageMap.LiveServers'

function Start-LiveServers {
    $dll = Join-Path $LiveServersProject 'bin/Release/net10.0/StageMap.LiveServers.dll'
    if (-not (Test-Path $dll)) {
        dotnet build $LiveServersProject -c Release --nologo -v quiet | Out-Null
        if ($LASTEXITCODE -ne 0) { throw 'The loopback servers did not build.' }
    }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.ArgumentList.Add($dll)
    $start.ArgumentList.Add((Resolve-Path (Join-Path $PSScriptRoot '../fixtures')).Path)
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $addresses = $process.StandardOutput.ReadLine() | ConvertFrom-Json
    [pscustomobject]@{ Process = $process; Salesforce = [uri]$addresses.salesforce; Outreach = [uri]$addresses.outreach }
}

function Stop-LiveServers($Servers) {
    if (-not $Servers) { return }
    $Servers.Process.StandardInput.Close()
    if (-not $Servers.Process.WaitForExit(10000)) { $Servers.Process.Kill() }
    $Servers.Process.Dispose()
}

# The calls a server received since its last reset: Method, Path, Status, ContentType, Writes.
function Get-ServerCall([uri] $Server) {
    # Invoke-RestMethod writes a JSON array as one object: enumerate it.
    foreach ($call in Invoke-RestMethod -Uri ([uri]::new($Server, "_calls"))) { $call }
}

function Reset-Server([uri] $Server) { Invoke-RestMethod -Method Post -Uri ([uri]::new($Server, "_reset")) | Out-Null }

# The next -Times calls of -Method to a path starting with -Path get this answer instead.
function Add-ServerFault([uri] $Server, [string] $Method, [string] $Path, [int] $Status, [string] $Body = '', [hashtable] $Headers = @{}, [int] $Times = 1) {
    $fault = @{ method = $Method; path = $Path; status = $Status; body = $Body; headers = $Headers; times = $Times } | ConvertTo-Json -Compress
    Invoke-RestMethod -Method Post -Uri ([uri]::new($Server, "_fault")) -Body $fault -ContentType 'application/json' | Out-Null
}

function Invoke-ServerControl([uri] $Server, [string] $PathAndQuery) { Invoke-RestMethod -Method Post -Uri ([uri]::new($Server, $PathAndQuery)) | Out-Null }

# Hostile mode: the server plays the named misbehaviours (tests/StageMap.LiveServers/Hostility.cs) until its next reset.
function Set-ServerHostile([uri] $Server, [string[]] $Scenario, [hashtable] $Option = @{}) {
    $query = @("on=$($Scenario -join ',')") + @($Option.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" })
    Invoke-ServerControl $Server "_hostile?$($query -join '&')"
}

# A fake 'sf' in its own folder, first on PATH. -Cli New: 'org display' redacts the token and
# 'org auth show-access-token' gives it; -Cli Old: show-access-token does not exist and 'org display' gives it;
# -Cli Hostile: both fail with the token inside their JSON error message, as a CLI quoting its own state can.
function Install-FakeSalesforceCli([uri] $InstanceUrl, [string] $AccessToken, [ValidateSet('New', 'Old', 'Hostile')] [string] $Cli) {
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) "stagemap-fake-sf-$([guid]::NewGuid().ToString('n'))"
    New-Item -ItemType Directory -Path $folder | Out-Null
    $displayToken = if ($Cli -eq 'New') { "[REDACTED] Use 'sf org auth show-access-token' to view" } else { $AccessToken }
    @{ status = 0; result = @{ id = '00DLOOPBACK000001AAA'; apiVersion = '62.0'; accessToken = $displayToken; instanceUrl = $InstanceUrl.ToString().TrimEnd('/'); username = 'admin@loopback.example'; clientId = 'PlatformCLI'; connectedStatus = 'Connected'; alias = 'loopback' }; warnings = @() } |
        ConvertTo-Json -Depth 5 | Set-Content (Join-Path $folder 'display.json')
    if ($Cli -eq 'New') {
        @{ status = 0; result = @{ accessToken = $AccessToken }; warnings = @('Sharing the access token is a security risk.') } | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $folder 'show.json')
    }
    if ($Cli -eq 'Hostile') {
        $failure = @{ status = 1; name = 'AuthDecryptError'; message = "Failed to refresh the session $AccessToken for admin@loopback.example (Bearer $AccessToken)"; exitCode = 1 } | ConvertTo-Json -Depth 5
        $failure | Set-Content (Join-Path $folder 'display.json')
        $failure | Set-Content (Join-Path $folder 'show.json')
    }
    $script = @'
#!/bin/sh
here="$(dirname "$0")"
echo "$*" >> "$here/calls.log"
case "$*" in
  *"org auth show-access-token"*)
    if [ -f "$here/show.json" ]; then cat "$here/show.json"; grep -q '"status": 1' "$here/show.json" && exit 1; exit 0; fi
    echo " >>  Warning: org auth show-access-token is not a sf command." >&2
    exit 127 ;;
  *"org display"*) cat "$here/display.json"; grep -q '"status": 1' "$here/display.json" && exit 1; exit 0 ;;
esac
echo '{"status":1,"name":"UnknownCommand","message":"unexpected command"}'
exit 1
'@
    $sf = Join-Path $folder 'sf'
    Set-Content -Path $sf -Value ($script -replace "`r`n", "`n") -NoNewline
    chmod +x $sf
    $env:PATH = "$folder$([System.IO.Path]::PathSeparator)$env:PATH"
    $folder
}

function Remove-FakeSalesforceCli([string] $Folder) {
    $env:PATH = ($env:PATH -split [System.IO.Path]::PathSeparator | Where-Object { $_ -ne $Folder }) -join [System.IO.Path]::PathSeparator
    Remove-Item $Folder -Recurse -Force -ErrorAction Ignore
}
