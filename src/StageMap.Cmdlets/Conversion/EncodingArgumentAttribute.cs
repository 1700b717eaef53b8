using System.Management.Automation;
using System.Text;
using StageMap.Engine;
using StageMap.Engine.Text;

namespace StageMap.Cmdlets.Conversion;

/// <summary>
/// Binds -Encoding as Import-Csv does: a name (utf8, windows-1252 ...), a code page number, or an
/// Encoding object (the engine's EncodingNames says what each name means).
/// </summary>
internal sealed class EncodingArgumentAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        try
        {
            return value switch
            {
                Encoding encoding => encoding,
                int codePage => EncodingNames.Resolve(codePage),
                string name => EncodingNames.Resolve(name),
                _ => throw new ArgumentTransformationMetadataException($"-Encoding takes an encoding name, a code page number or an Encoding, not a {value?.GetType().Name ?? "null"}."),
            };
        }
        catch (StageMapException failure)
        {
            throw new ArgumentTransformationMetadataException(failure.Message, failure);
        }
    }
}
