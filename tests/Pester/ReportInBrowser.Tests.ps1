# The report as a reader sees it: headless Chromium (Debian's package; .ci/run installs it) renders the
# page of the demo configuration, and the test reads the DOM Chromium built, checks that the page ran
# nothing and asked for nothing, and keeps a 1280 px wide screenshot in out/test-results.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $chromium = Get-Command chromium, chromium-browser -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    $results = Join-Path $PSScriptRoot '../../out/test-results'
    New-Item -ItemType Directory -Path $results -Force | Out-Null

    # Chromium's own services (updates, accounts) are switched off where a flag allows, and whatever is
    # left goes to a proxy on port 9 of this machine, so nothing leaves it.
    function Invoke-Chromium([string] $Page, [string[]] $Arguments) {
        $userData = Join-Path $TestDrive ("profile-" + [guid]::NewGuid().ToString('N'))
        $log = Join-Path $TestDrive 'chromium.log'
        $flags = @(
            '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars', "--user-data-dir=$userData"
            '--disable-background-networking', '--disable-component-update', '--disable-extensions', '--disable-sync', '--disable-default-apps', '--no-pings'
            '--proxy-server=127.0.0.1:9', '--host-resolver-rules=MAP * ~NOTFOUND'
            '--enable-logging=stderr', '--v=1'
        )
        $dom = & $chromium.Source @flags @Arguments "file://$Page" 2> $log
        [pscustomobject]@{ Dom = $dom -join "`n"; Log = Get-Content $log }
    }

    # Page requests and policy violations in Chromium's log (its own service requests are not the page's).
    function Get-PageTraffic([string[]] $Log) {
        $Log | Where-Object {
            $_ -match 'INFO:CONSOLE' -or
            ($_ -match 'NotifyBeforeURLRequest: (\S+)' -and $Matches[1] -notmatch '^https?://[^/]*\b(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)/')
        }
    }

    # The demo configuration: the sample sync mapping after a change made since the last sync.
    $mapping = Join-Path $TestDrive 'outreach-sync-mapping.json'
    Copy-Item (Join-Path $modulePath 'samples/outreach-sync-mapping.json') $mapping
    Import-StageMapConfiguration -Path $mapping | Out-Null
    $leads = Join-Path $modulePath 'samples/salesforce-leads.csv'
    $prospects = Join-Path $TestDrive 'prospects.jsonl'
    ConvertTo-OutreachProspect -Object Lead -Path $leads -OutFile $prospects | Out-Null
    $lines = Get-Content $prospects
    foreach ($i in 3, 8, 15) { $lines[$i] = $lines[$i] -replace '"stage":\d+', '"stage":6' }
    Set-Content $prospects $lines
    Remove-LeadStatusMapping -CrmStatus 'Closed - Converted' | Out-Null
    New-LeadStatusMapping -CrmStatus 'Nurturing' -Stage 'Do Not Contact' | Out-Null
    $page = Join-Path $TestDrive 'report.html'
    Export-StageMapReport -Path $page -CrmPath $leads -OutreachPath $prospects
}

Describe 'The report in headless Chromium' {
    BeforeAll {
        $rendered = if ($chromium) { Invoke-Chromium $page @('--dump-dom') }
    }

    It 'has Chromium to render it' {
        $chromium | Should -Not -BeNullOrEmpty -Because '.ci/run installs it (apt-get install -y chromium)'
    }

    It 'renders one line per mapping, broken ones apart, and the findings count' {
        $mappings = @(Get-LeadStatusMapping)
        [regex]::Matches($rendered.Dom, '<path class="mapping[ "]').Count | Should -Be $mappings.Count
        [regex]::Matches($rendered.Dom, '<path class="mapping broken"').Count | Should -Be 1
        [regex]::Match($rendered.Dom, '<span id="findings-count">(\d+)</span>').Groups[1].Value | Should -Be @(Test-StageMapping).Count
        $rendered.Dom | Should -Match '<g class="node unmapped"><title>Closed - Converted \(unmapped\)</title>'
        $rendered.Dom | Should -Match '6 of 22 joined leads'
    }

    It 'requests nothing and runs nothing' {
        Get-PageTraffic $rendered.Log | Should -BeNullOrEmpty
        $rendered.Dom | Should -Not -Match '(?i)<script|\bsrc=|\bhref=|url\('
    }

    It 'would catch a page that did: its policy blocks a script and an image, and the log says so' {
        $control = Join-Path $TestDrive 'control.html'
        (Get-Content $page -Raw) -replace '<main>', '<main><img src="http://stagemap-probe.invalid/x.png"><script>document.body.setAttribute("data-ran","yes")</script>' |
            Set-Content $control

        $blocked = Invoke-Chromium $control @('--dump-dom')

        $blocked.Dom | Should -Not -Match '<body data-ran'
        (Get-PageTraffic $blocked.Log) -join "`n" | Should -Match 'stagemap-probe\.invalid.*Content Security Policy'
        (Get-PageTraffic $blocked.Log) -join "`n" | Should -Match 'inline script violates'
    }

    It 'takes a screenshot 1280 px wide into the test output' {
        $png = Join-Path $results 'report.png'
        Remove-Item $png -ErrorAction Ignore

        Invoke-Chromium $page @("--screenshot=$png", '--window-size=1280,1500') | Out-Null

        $png | Should -Exist
        $bytes = [System.IO.File]::ReadAllBytes($png)
        [System.Text.Encoding]::ASCII.GetString($bytes, 1, 3) | Should -Be 'PNG'
        ([int]$bytes[16] -shl 24) + ([int]$bytes[17] -shl 16) + ([int]$bytes[18] -shl 8) + [int]$bytes[19] | Should -Be 1280
    }
}

Describe 'The record types in headless Chromium' {
    BeforeAll {
        # The sample SFDX project, every status mapped: Partner Lead's process lacks two of them, Customer Contact two stage names.
        $project = Join-Path $TestDrive 'sfdx-project'
        Copy-Item (Join-Path $modulePath 'samples/sfdx-project') $project -Recurse
        New-StageMapConfiguration -Path (Join-Path $TestDrive 'record-types.json') | Out-Null
        Import-CrmMetadata -Path $project
        New-LeadStatusMapping -FromCrm -CreateMissingStages -WarningAction SilentlyContinue | Out-Null
        New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | Out-Null
        New-FieldMapping -Object Contact -OutreachField 'Stage Name' -CrmField Contact_Status__c | Out-Null
        $recordTypePage = Join-Path $TestDrive 'record-types.html'
        Export-StageMapReport -Path $recordTypePage
        $rendered = if ($chromium) { Invoke-Chromium $recordTypePage @('--dump-dom') }
        $rows = [regex]::Matches($rendered.Dom, '(?s)<section id="record-types">.*?</section>').Value
    }

    It 'lists each record type with the statuses it lacks, as Test-StageMapping finds them' {
        $lacking = @(Test-StageMapping | Where-Object RuleId -EQ 'SM016')
        $lacking.Target | Should -Be 'Partner Lead', 'Customer Contact'
        $rows | Should -Match '<td>Partner Lead \(Partner_Lead\)</td><td>yes</td><td>Partner Process</td><td>[^<]*</td><td class="miss">✖ Nurturing, Meeting Booked</td>'
        $rows | Should -Match '<td>Customer Contact \(Customer_Contact\)</td><td>yes</td><td>—</td><td>Approaching, New, Replied, Unresponsive</td><td class="miss">✖ Do Not Contact, Bad Data</td>'
        $rows | Should -Match '<td>Legacy Lead \(Legacy_Lead\)</td><td>no</td>'
        $rendered.Dom | Should -Match '<h3>Salesforce record types</h3>'
    }

    It 'requests nothing and runs nothing' {
        Get-PageTraffic $rendered.Log | Should -BeNullOrEmpty
        $rendered.Dom | Should -Not -Match '(?i)<script|\bsrc=|\bhref=|url\('
    }
}

Describe 'The last snapshot in headless Chromium' {
    BeforeAll {
        # A sync deletes Unresponsive (three prospects on it) from the loopback Outreach; a restore stops
        # on a 429 after moving one of them back, then finishes.
        . (Join-Path $PSScriptRoot 'LiveServers.ps1')
        $servers = Start-LiveServers
        New-StageMapConfiguration -Path (Join-Path $TestDrive 'undo.json') | Out-Null
        Remove-OutreachStage -Name Unresponsive
        Connect-Outreach -AccessToken (ConvertTo-SecureString 'or-access-1f6c2a9d' -AsPlainText -Force) -BaseUri $servers.Outreach | Out-Null
        Sync-OutreachStage -RemoveExtra -Force -Confirm:$false -InformationAction Ignore | Out-Null
        Add-ServerFault $servers.Outreach PATCH '/api/v2/prospects/1002' 429 '{"errors":[{"id":"rateLimitExceeded","title":"Rate Limit Exceeded"}]}' @{ 'Retry-After' = '3600' }
        Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null
        $pendingPage = Join-Path $TestDrive 'undo-pending.html'
        Export-StageMapReport -Path $pendingPage
        Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -Confirm:$false -WarningAction SilentlyContinue | Out-Null
        $restoredPage = Join-Path $TestDrive 'undo-restored.html'
        Export-StageMapReport -Path $restoredPage
        $pending = if ($chromium) { Invoke-Chromium $pendingPage @('--dump-dom') }
        $restored = if ($chromium) { Invoke-Chromium $restoredPage @('--dump-dom') }
        function Get-Undo($Rendered) { [regex]::Match($Rendered.Dom, '(?s)<section id="undo">.*?</section>').Value }
    }

    AfterAll {
        Stop-LiveServers $servers
    }

    It 'shows the last snapshot: when, what the sync changed, the prospects saved' {
        $undo = Get-Undo $pending
        $taken = (Get-StageMapSnapshot)[0].TakenAt.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss')
        $undo | Should -Match "<tr><th>taken</th><td>$taken UTC</td></tr>"
        $undo | Should -Match "<tr><th>changes</th><td>deleted 'Unresponsive'</td></tr><tr><th>prospects saved</th><td>3</td></tr>"
    }

    It 'says a restore is pending, in the section and in the header, until it is finished' {
        Get-Undo $pending | Should -Match '<p class="near" id="restore-state">A restore is pending: it stopped with 1 of 3 saved prospects handled\. Run Restore-OutreachStage -Snapshot ''[^'']+'' again to finish it\.</p>'
        $pending.Dom | Should -Match '<span>restore pending \(see Undo\)</span>'
        Get-Undo $restored | Should -Match '<p class="ok" id="restore-state">Restored at [0-9: -]+ UTC: 3 prospects moved back, 0 left where someone moved them, 0 gone\.</p>'
        $restored.Dom | Should -Not -Match 'restore pending'
    }

    It 'requests nothing and runs nothing' {
        Get-PageTraffic $pending.Log | Should -BeNullOrEmpty
        $pending.Dom | Should -Not -Match '(?i)<script|\bsrc=|\bhref=|url\('
    }
}
