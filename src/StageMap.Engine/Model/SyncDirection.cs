namespace StageMap.Engine.Model;

/// <summary>Which way a field mapping carries values: pull is FromCrm, push is ToCrm.</summary>
public enum SyncDirection
{
    Bidirectional,
    ToCrm,
    FromCrm,
}
