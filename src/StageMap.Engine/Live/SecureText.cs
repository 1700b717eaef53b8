using System;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Security;

namespace StageMap.Engine.Live;

/// <summary>
/// Tokens and secrets are SecureStrings. They become plain text only while one request is built (a
/// header or the token request's form) and are never kept in a field.
/// </summary>
internal static class SecureText
{
    public static AuthenticationHeaderValue Bearer(SecureString token) => new("Bearer", Reveal(token));

    public static string Reveal(SecureString secret)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try
        {
            return Marshal.PtrToStringUni(pointer) ?? "";
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    public static SecureString Protect(string plain)
    {
        var secret = new SecureString();
        foreach (var c in plain)
        {
            secret.AppendChar(c);
        }

        secret.MakeReadOnly();
        return secret;
    }

    public static bool IsEmpty(SecureString? secret) => secret is null || secret.Length == 0;
}
