using System;
using System.Security.Cryptography;

namespace StageMap.Engine.Model;

/// <summary>
/// The SHA-256 of a configuration file's bytes as StageMap last read or wrote them. A save compares it
/// with the file on disk to notice a change made by anyone else (an editor, another session, a git checkout).
/// </summary>
internal sealed record FileStamp(string Sha256)
{
    public static FileStamp Of(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return new FileStamp(BitConverter.ToString(sha.ComputeHash(bytes)).Replace("-", string.Empty));
    }
}
