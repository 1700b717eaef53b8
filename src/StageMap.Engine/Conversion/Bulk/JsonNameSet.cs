namespace StageMap.Engine.Conversion.Bulk;

/// <summary>A set of field names objects share: its index (which holds the names, in order) and their hash.</summary>
internal sealed class JsonNameSet
{
    /// <summary>What a name may not hold to be compared with the text byte for byte: a string's stops (see <see cref="JsonRecordParser"/>).</summary>
    private static readonly char[] Stops = { '"', '\\', '\n', '\r', '\0' };

    public JsonNameSet(FieldNameIndex index, int hash)
    {
        Index = index;
        Hash = hash;
        Comparable = new JsonExpectedName?[index.Names.Length];
        for (var i = 0; i < Comparable.Length; i++)
        {
            var name = index.Names[i];
            Comparable[i] = name.IndexOfAny(Stops) < 0 ? new JsonExpectedName(name) : null;
        }
    }

    public FieldNameIndex Index { get; }

    public string[] Names => Index.Names;

    public int Hash { get; }

    /// <summary>Each name that holds none of a string's stops, as the parser compares it with the text; or null.</summary>
    public JsonExpectedName?[] Comparable { get; }
}
