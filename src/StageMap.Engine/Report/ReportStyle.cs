namespace StageMap.Engine.Report;

/// <summary>The report's stylesheet, inlined in the page (the page fetches nothing).</summary>
internal static class ReportStyle
{
    public const string Css = @"
*{box-sizing:border-box}
body{margin:0;background:#f8fafc;color:#0f172a;font:14px/1.45 -apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:24px 28px 40px}
h1{font-size:26px;margin:0 0 2px}
h2{font-size:18px;margin:0 0 10px}
h3{font-size:15px;margin:14px 0 6px}
.sub{color:#64748b;margin:0 0 16px}
.verdict{font-size:19px;font-weight:600;padding:12px 16px;border-radius:8px;margin:0 0 14px}
.verdict.ok{background:#dcfce7;color:#14532d}
.verdict.warn{background:#fef3c7;color:#78350f}
.verdict.bad{background:#fee2e2;color:#7f1d1d}
.tiles{display:flex;gap:12px;flex-wrap:wrap;margin:0 0 18px}
.tile{flex:1 1 130px;background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:10px 14px}
.tile b{display:block;font-size:26px;line-height:1.1}
.tile span{color:#64748b;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.tile.error b{color:#dc2626}.tile.warning b{color:#d97706}.tile.info b{color:#2563eb}.tile.drift b{color:#9333ea}
section{background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:16px 18px;margin:0 0 16px}
.legend{display:flex;gap:18px;flex-wrap:wrap;color:#475569;font-size:12px;margin:0 0 8px}
.legend i{display:inline-block;width:28px;height:0;border-top:2px solid #64748b;vertical-align:middle;margin-right:6px}
.legend i.broken{border-top:3px dashed #dc2626}
.legend i.unmapped{width:14px;height:12px;border:1.5px dashed #d97706;background:#fffbeb}
.legend i.missing{width:14px;height:12px;border:1.5px solid #dc2626;background:#fef2f2}
.note{color:#64748b;font-size:12px;margin:6px 0 0}
svg.flow{width:100%;height:auto;display:block}
svg.flow text{font-size:13px;fill:#0f172a}
svg.flow text.head{font-size:12px;font-weight:600;fill:#475569;letter-spacing:.04em}
svg.flow text.tag{font-size:11px;font-style:italic}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eef2f7;vertical-align:top}
th{font-size:12px;color:#475569;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
table.undo th{width:150px}
#restore-state{margin:8px 0 0}
.ok{color:#15803d}.miss{color:#dc2626;font-weight:600}.near{color:#d97706;font-weight:600}
.sev{margin:0 0 12px}
.finding{border-left:4px solid #cbd5e1;padding:6px 10px;margin:0 0 8px;background:#f8fafc;border-radius:0 6px 6px 0}
.finding.Error{border-color:#dc2626}.finding.Warning{border-color:#d97706}.finding.Information{border-color:#2563eb}
.rule{font-weight:700;margin-right:6px}.target{font-weight:600}
.fix{color:#334155;margin-top:3px}
code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f1f5f9;padding:1px 4px;border-radius:4px}
ol.steps{margin:0 0 8px;padding-left:0;list-style:none}
ol.steps li{padding:3px 0}
ol.steps li span.box{display:inline-block;width:14px;height:14px;border:1.5px solid #64748b;border-radius:3px;margin-right:8px;vertical-align:-2px}
.heat td.cell{text-align:center;min-width:44px;font-variant-numeric:tabular-nums}
.two{display:grid;grid-template-columns:1fr 1fr;gap:16px}
footer{color:#94a3b8;font-size:12px;text-align:center}
";
}
