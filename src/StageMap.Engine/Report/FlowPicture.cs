using System.Linq;

namespace StageMap.Engine.Report;

/// <summary>
/// The Lead side drawn as inline SVG: statuses left, stages right, one path per mapping, both columns
/// ordered by <see cref="FlowLayout"/>. Broken mappings are red and dashed; unmapped boxes amber and
/// dashed; missing ones (a status the CRM lacks, a stage id no stage has) red. Past
/// <see cref="PictureLimit"/> boxes in a column a picture stops being readable, so it is a table.
/// </summary>
internal static class FlowPicture
{
    /// <summary>The most boxes a column may have for the picture; above it, the table.</summary>
    public const int PictureLimit = 150;

    private const double Width = 1000;
    private const double BoxWidth = 320;
    private const double Row = 30;
    private const double BoxHeight = 24;
    private const double Top = 30;
    private const int MaxLabel = 40;

    public static void Write(Html html, LeadFlow flow)
    {
        if (flow.Statuses.Count > PictureLimit || flow.Stages.Count > PictureLimit)
        {
            WriteTable(html, flow);
            return;
        }

        var layout = FlowLayout.Arrange(flow.Statuses.Count, flow.Stages.Count, flow.Edges.Select(e => (e.Left, e.Right)).ToList());
        var leftY = new double[flow.Statuses.Count];
        var rightY = new double[flow.Stages.Count];
        for (var i = 0; i < layout.LeftOrder.Count; i++) leftY[layout.LeftOrder[i]] = Top + (i * Row);
        for (var i = 0; i < layout.RightOrder.Count; i++) rightY[layout.RightOrder[i]] = Top + (i * Row);
        var rows = System.Math.Max(System.Math.Max(flow.Statuses.Count, flow.Stages.Count), 1);
        var height = Top + (rows * Row) + 6;

        html.Raw($"<svg class=\"flow\" viewBox=\"0 0 {Html.Px(Width)} {Html.Px(height)}\" role=\"img\" aria-label=\"Lead statuses mapped to stages\">");
        html.Raw("<text class=\"head\" x=\"0\" y=\"16\">CRM LEAD STATUSES</text>");
        html.Raw($"<text class=\"head\" x=\"{Html.Px(Width)}\" y=\"16\" text-anchor=\"end\">OUTREACH STAGES</text>");

        // Unbroken lines first, so a broken one is drawn on top of them.
        foreach (var edge in flow.Edges.OrderBy(e => e.IsBroken))
        {
            var y1 = leftY[edge.Left] + (BoxHeight / 2);
            var y2 = rightY[edge.Right] + (BoxHeight / 2);
            var x1 = BoxWidth;
            var x2 = Width - BoxWidth;
            var mid = (x1 + x2) / 2;
            var style = edge.IsBroken ? "stroke=\"#dc2626\" stroke-width=\"2.6\" stroke-dasharray=\"7 4\"" : "stroke=\"#64748b\" stroke-width=\"1.6\"";
            html.Raw($"<path class=\"mapping{(edge.IsBroken ? " broken" : "")}\" d=\"M{Html.Px(x1)},{Html.Px(y1)} C{Html.Px(mid)},{Html.Px(y1)} {Html.Px(mid)},{Html.Px(y2)} {Html.Px(x2)},{Html.Px(y2)}\" fill=\"none\" {style}>");
            html.Element("title", edge.Tooltip);
            html.Raw("</path>");
        }

        for (var i = 0; i < flow.Statuses.Count; i++) Box(html, flow.Statuses[i], 0, leftY[i], left: true);
        for (var i = 0; i < flow.Stages.Count; i++) Box(html, flow.Stages[i], Width - BoxWidth, rightY[i], left: false);
        html.Raw("</svg>");
        html.Raw("<p class=\"note\">").Text(
            $"{flow.Edges.Count} mappings. Both columns are ordered to keep lines apart: {layout.Crossings} crossing(s), against {layout.InitialCrossings} in the CRM's and the stages' own order. Hover a line for its mapping.").Raw("</p>");
    }

    private static void Box(Html html, FlowNode node, double x, double y, bool left)
    {
        var (fill, stroke, dash, tagColor) = node.State switch
        {
            FlowNodeState.Unmapped => ("#fffbeb", "#d97706", " stroke-dasharray=\"4 3\"", "#b45309"),
            FlowNodeState.Missing => ("#fef2f2", "#dc2626", "", "#b91c1c"),
            _ => ("#f1f5f9", "#94a3b8", "", "#64748b"),
        };
        var tag = node.State switch
        {
            FlowNodeState.Unmapped => node.Note is null ? "unmapped" : $"unmapped, {node.Note}",
            _ => node.Note,
        };
        html.Raw($"<g class=\"node {node.State.ToString().ToLowerInvariant()}\">");
        html.Element("title", tag is null ? node.Label : $"{node.Label} ({tag})");
        html.Raw($"<rect x=\"{Html.Px(x)}\" y=\"{Html.Px(y)}\" width=\"{Html.Px(BoxWidth)}\" height=\"{Html.Px(BoxHeight)}\" rx=\"5\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.4\"{dash}/>");
        var label = node.Label.Length > MaxLabel ? node.Label.Substring(0, MaxLabel - 1) + "\u2026" : node.Label;
        var textY = Html.Px(y + 17);
        html.Element("text", label, $"x=\"{Html.Px(x + 10)}\" y=\"{textY}\"");
        if (tag is not null)
        {
            html.Element("text", tag, $"class=\"tag\" x=\"{Html.Px(x + BoxWidth - 10)}\" y=\"{textY}\" text-anchor=\"end\" fill=\"{tagColor}\"");
        }

        html.Raw("</g>");
    }

    private static void WriteTable(Html html, LeadFlow flow)
    {
        html.Raw("<p class=\"note\">").Text($"{flow.Statuses.Count} statuses and {flow.Stages.Count} stages are too many for a readable picture (more than {PictureLimit} in a column), so the mappings are a table.").Raw("</p>");
        html.Raw("<table class=\"flow-table\"><thead><tr><th>CRM lead status</th><th>Stage</th><th>State</th></tr></thead><tbody>");
        foreach (var edge in flow.Edges)
        {
            html.Raw($"<tr class=\"mapping{(edge.IsBroken ? " broken" : "")}\">");
            html.Element("td", flow.Statuses[edge.Left].Label).Element("td", flow.Stages[edge.Right].Label);
            html.Element("td", edge.BrokenBy is null ? "ok" : $"broken ({edge.BrokenBy})", edge.IsBroken ? "class=\"miss\"" : "class=\"ok\"");
            html.Raw("</tr>");
        }

        foreach (var node in flow.Statuses.Where(n => n.State == FlowNodeState.Unmapped))
        {
            html.Raw("<tr class=\"unmapped\">").Element("td", node.Label).Element("td", "").Element("td", "unmapped status", "class=\"near\"").Raw("</tr>");
        }

        foreach (var node in flow.Stages.Where(n => n.State == FlowNodeState.Unmapped))
        {
            html.Raw("<tr class=\"unmapped\">").Element("td", "").Element("td", node.Label).Element("td", "unmapped stage", "class=\"near\"").Raw("</tr>");
        }

        html.Raw("</tbody></table>");
    }
}
