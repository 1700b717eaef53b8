# Dot-sourced by every suite's BeforeAll: imports the built module as a user would.
$modulePath = if ($env:STAGEMAP_MODULE_PATH) { $env:STAGEMAP_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/StageMap' }
Import-Module (Join-Path $modulePath 'StageMap.psd1') -Force
$script:FixturesPath = Join-Path $PSScriptRoot '../fixtures'
