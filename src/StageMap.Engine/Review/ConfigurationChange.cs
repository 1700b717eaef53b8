namespace StageMap.Engine.Review;

/// <summary>What happened to a part of the configuration between the reference and the difference.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>The part of a configuration a change is in, in the order a review lists them.</summary>
public enum ChangeArea
{
    Experience,
    Stage,
    LeadStatusMapping,
    FieldMapping,
    CrmMetadata,
}

/// <summary>
/// One difference between two configurations (Compare-StageMapConfiguration). An Added or Removed
/// item has no <see cref="Property"/>; a Changed one names the property, with its value on each side.
/// </summary>
/// <param name="Change">Added, Removed or Changed.</param>
/// <param name="Area">Experience, Stage, LeadStatusMapping, FieldMapping or CrmMetadata.</param>
/// <param name="Object">The CRM object (Lead, Contact) the item belongs to, or null (stages, the experience).</param>
/// <param name="Name">The item: a stage's name (the new one after a rename), a status's API name, a field pair.</param>
/// <param name="Property">The property that changed (Name, Order, Color, InOutreach, Stage, an option...), or null.</param>
/// <param name="Before">The value in the reference configuration (null when added).</param>
/// <param name="After">The value in the difference configuration (null when removed).</param>
public sealed record ConfigurationChange(
    ChangeKind Change,
    ChangeArea Area,
    string? Object,
    string Name,
    string? Property,
    object? Before,
    object? After)
{
    public override string ToString() =>
        Property is null ? $"{Change} {Area} '{Name}'" : $"{Change} {Area} '{Name}' {Property}: '{Before}' -> '{After}'";
}
