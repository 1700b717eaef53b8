using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using StageMap.Cmdlets.Tests.Support;

namespace StageMap.Cmdlets.Tests.Views;

/// <summary>One thing a view shows: a property, or a script block over $_; <see cref="Label"/> is its header or list label.</summary>
internal sealed record ViewItem(string? Label, string? PropertyName, string? ScriptBlock)
{
    /// <summary>A PowerShell expression over $_ that gives what the item shows.</summary>
    public string Expression => PropertyName is not null ? $"$_.'{PropertyName}'" : ScriptBlock!;
}

/// <summary>A view of module/StageMap.Format.ps1xml: its name, the type it shows, its kind (Table, List, Custom) and its items.</summary>
internal sealed record FormatView(string Name, string TypeName, string Control, IReadOnlyList<ViewItem> Items, IReadOnlyList<string> Labels)
{
    /// <summary>The Format-* cmdlet that renders this view by name.</summary>
    public string FormatCommand => $"Format-{Control}";

    /// <summary>Every view of the format file, read from the repository's copy (the build copies it as it is).</summary>
    public static IReadOnlyList<FormatView> All { get; } = Read(Path.Combine(ModuleSession.RepositoryRoot, "module", "StageMap.Format.ps1xml"));

    private static IReadOnlyList<FormatView> Read(string path)
    {
        var views = new List<FormatView>();
        foreach (var view in XDocument.Load(path).Descendants("View"))
        {
            var control = view.Elements().Single(e => e.Name.LocalName.EndsWith("Control", System.StringComparison.Ordinal)).Name.LocalName;
            var items = new List<ViewItem>();
            var labels = new List<string>();
            if (view.Element("GroupBy") is { } groupBy)
            {
                items.Add(Item(groupBy, groupBy.Element("Label")?.Value));
            }

            switch (control)
            {
                case "TableControl":
                    var headers = view.Descendants("TableColumnHeader").Select(h => h.Element("Label")?.Value).ToList();
                    var columns = view.Descendants("TableColumnItem").ToList();
                    for (var i = 0; i < columns.Count; i++)
                    {
                        var item = Item(columns[i], i < headers.Count ? headers[i] : null);
                        items.Add(item);
                        labels.Add(item.Label ?? item.PropertyName!);
                    }

                    break;
                case "ListControl":
                    foreach (var listItem in view.Descendants("ListItem"))
                    {
                        var item = Item(listItem, listItem.Element("Label")?.Value);
                        items.Add(item);
                        labels.Add(item.Label ?? item.PropertyName!);
                    }

                    break;
                case "CustomControl":
                    items.AddRange(view.Descendants("ExpressionBinding").Select(e => Item(e, null)));
                    break;
            }

            views.Add(new FormatView(view.Element("Name")!.Value, view.Descendants("TypeName").First().Value, control.Replace("Control", ""), items, labels));
        }

        return views;
    }

    private static ViewItem Item(XElement element, string? label) =>
        new(label, element.Element("PropertyName")?.Value, element.Element("ScriptBlock")?.Value);
}
