using System.Collections.Generic;
using StageMap.Engine.Model;
using StageMap.Engine.Validation.Rules;

namespace StageMap.Engine.Validation;

/// <summary>
/// Runs every rule (docs/design.md, Validation rules) over a configuration, in rule order (SM001 first). Each rule is one
/// pass over the configuration with look-ups in indexes built once (<see cref="ValidationContext"/>),
/// so validation time grows linearly with the configuration.
/// </summary>
public static class Validator
{
    /// <summary>Every rule, in rule order.</summary>
    public static IReadOnlyList<ValidationRule> Rules { get; } = new ValidationRule[]
    {
        new SM001StageMappedTwice(),
        new SM002CrmStatusMappedTwice(),
        new SM003CrmStatusNotInCrm(),
        new SM004CrmStatusNotMapped(),
        new SM005StageNotMapped(),
        new SM006LeadStatusLookupMissing(),
        new SM007FieldMappedTwice(),
        new SM008MappedFieldWithoutLookup(),
        new SM009ContactStatusFieldNotCustom(),
        new SM010StageNameNotContactStatus(),
        new SM011LeadAndContactStatusesDiffer(),
        new SM012PlaceholderDefeatsSkipEmpty(),
        new SM013StageNotFound(),
        new SM014InactiveCrmValue(),
        new SM015LeadStatusIdsMissing(),
        new SM016StatusNotInRecordType(),
    };

    public static IReadOnlyList<Diagnostic> Validate(StageMapConfiguration configuration) =>
        Validate(configuration.GetContent());

    /// <summary>
    /// Every finding: Errors first, then Warnings, then Information (so a table grouped by severity
    /// shows each group once); within a severity, in rule order, and each rule's in the order of the
    /// configuration (or of the CRM metadata).
    /// </summary>
    public static IReadOnlyList<Diagnostic> Validate(ConfigurationContent content)
    {
        var context = new ValidationContext(content);
        var errors = new List<Diagnostic>();
        var warnings = new List<Diagnostic>();
        var information = new List<Diagnostic>();
        foreach (var rule in Rules)
        {
            foreach (var diagnostic in rule.Check(context))
            {
                (diagnostic.Severity switch
                {
                    Severity.Error => errors,
                    Severity.Warning => warnings,
                    _ => information,
                }).Add(diagnostic);
            }
        }

        errors.AddRange(warnings);
        errors.AddRange(information);
        return errors;
    }
}
