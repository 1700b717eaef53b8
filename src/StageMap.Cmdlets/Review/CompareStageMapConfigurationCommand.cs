using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Model;
using StageMap.Engine.Review;
using StageMap.Engine.Storage;

namespace StageMap.Cmdlets.Review;

/// <summary>
/// Compare-StageMapConfiguration: the differences between two configurations, one change object per
/// difference, or a Markdown review comment (-AsMarkdown), or one boolean "they differ" (-Quiet).
/// Each side is a path, a configuration object, or a configuration file's JSON text; text piped in
/// line by line (git show) is joined first. Without -DifferenceConfiguration the current
/// configuration is the difference.
/// </summary>
[Cmdlet(VerbsData.Compare, "StageMapConfiguration")]
[OutputType(typeof(ConfigurationChange))]
[OutputType(typeof(string))]
[OutputType(typeof(bool))]
public sealed class CompareStageMapConfigurationCommand : StageMapCommand
{
    private readonly List<object?> _reference = new();

    /// <summary>The configuration before the change: a path, a configuration object, or JSON text (piped line by line).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyString]
    public object? ReferenceConfiguration { get; set; }

    /// <summary>The configuration after the change; the current configuration when omitted.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNull]
    public object? DifferenceConfiguration { get; set; }

    /// <summary>Write one Markdown review comment instead of change objects.</summary>
    [Parameter]
    public SwitchParameter AsMarkdown { get; set; }

    /// <summary>Write $true when the configurations differ, $false when they do not.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord() => _reference.Add(ReferenceConfiguration);

    protected override void EndProcessing()
    {
        var reference = Read(_reference.Count == 1 ? _reference[0] : _reference, nameof(ReferenceConfiguration));
        var difference = DifferenceConfiguration is null ? Current() : Read(DifferenceConfiguration, nameof(DifferenceConfiguration));
        if (Quiet)
        {
            WriteObject(ConfigurationDiff.Compare(reference, difference).Count > 0);
            return;
        }

        if (AsMarkdown)
        {
            var review = ConfigurationReview.Create(reference, difference);
            if (review.Changes.Count > 0)
            {
                WriteObject(review.ToMarkdown());
            }

            return;
        }

        WriteObject(ConfigurationDiff.Compare(reference, difference), enumerateCollection: true);
    }

    private ConfigurationContent Current()
    {
        var current = CurrentConfiguration.Get();
        if (current is null)
        {
            ThrowFailure(CommandFailures.NoConfigurationToCompare());
        }

        return current.GetContent();
    }

    /// <summary>A side as configuration content: an object as it is, JSON text parsed, a path read.</summary>
    private ConfigurationContent Read(object? input, string parameter)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        try
        {
            switch (value)
            {
                case StageMapConfiguration configuration:
                    return configuration.GetContent();
                case FileInfo file:
                    return ConfigurationStore.Load(file.FullName).GetContent();
                case string text when ConfigurationInput.IsJson(text):
                    return ConfigurationInput.FromJson(text);
                case string path when path.Trim().Length > 0:
                    return ConfigurationStore.Load(ResolveNewFilePath(path)).GetContent();
                case IEnumerable lines when value is not string:
                    var items = lines.Cast<object?>().Select(l => l is PSObject p ? p.BaseObject : l).ToList();
                    if (items.Count > 0 && items.All(l => l is string))
                    {
                        return Read(string.Join("\n", items.Cast<string>()), parameter);
                    }

                    if (items.Count == 1)
                    {
                        return Read(items[0], parameter);
                    }

                    break;
            }
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }

        throw ThrowFailure(CommandFailures.NotAConfiguration(parameter, input, value?.GetType().Name));
    }
}
