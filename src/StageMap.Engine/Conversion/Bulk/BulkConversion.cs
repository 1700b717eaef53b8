using System.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>What to convert where: one input file to one output file, rejects to another.</summary>
public sealed class BulkConversion
{
    /// <summary>The full path of the input file.</summary>
    public string InputPath { get; set; } = "";

    /// <summary>The full path of the output file.</summary>
    public string OutputPath { get; set; } = "";

    /// <summary>The output format; null to take it from <see cref="OutputPath"/>'s extension.</summary>
    public RecordFileFormat? OutputFormat { get; set; }

    /// <summary>The full path of the file for rejected records, or null to report each through the callback.</summary>
    public string? RejectPath { get; set; }

    /// <summary>How converted records are shaped in JSON output.</summary>
    public RecordShape Shape { get; set; } = RecordShape.Object;

    /// <summary>Overwrite an existing output or reject file.</summary>
    public bool Force { get; set; }

    /// <summary>
    /// The input's encoding when it has no byte order mark (one always wins); null for UTF-8. Decoding
    /// is strict either way: a byte the encoding cannot decode stops the conversion (InvalidRecordFile).
    /// </summary>
    public Encoding? Encoding { get; set; }

    /// <summary>In CSV output, prefix cells that look like formulas with ' (see <see cref="FormulaCells"/>).</summary>
    public bool EscapeFormula { get; set; }
}
