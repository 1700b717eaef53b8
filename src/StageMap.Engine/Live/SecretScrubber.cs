using StageMap.Engine.Text;
using System;
using System.Collections.Generic;
using System.Security;
using System.Text.RegularExpressions;

namespace StageMap.Engine.Live;

/// <summary>
/// The one place text repeated from a server or from the Salesforce CLI loses its secrets before it
/// reaches a message, Verbose, Debug, a file or the $Error chain. It replaces with [redacted] the
/// secrets of every connection it was told of (access and refresh tokens, the client secret) and
/// anything shaped like one: the word after "Bearer", a Salesforce session id (00D…!…), the value of
/// an access_token, refresh_token, id_token or client_secret field.
/// </summary>
/// <remarks>
/// Known secrets are kept as SecureString copies and revealed only while a text is scrubbed. A secret
/// shorter than <see cref="ShortestSecret"/> characters is not looked for: no issued token is that
/// short, and replacing every "expired" in a message would garble it.
/// </remarks>
public sealed class SecretScrubber
{
    public const string Redacted = "[redacted]";

    public const int ShortestSecret = 8;

    private static readonly Regex Shapes = new(
        @"(?<keep>\bBearer\s+)[A-Za-z0-9\-._~+/!]+=*"
        + @"|\b00D[A-Za-z0-9]{12,15}![^\s""'<>,;()\[\]{}]+"
        + @"|(?<keep>\b(?:access_token|refresh_token|id_token|client_secret)[""']?\s*[:=]\s*[""']?)[^\s""'&,;}]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly List<SecureString> _known = new();

    /// <summary>Looks for <paramref name="secret"/> from now on (a copy is kept; the caller may dispose its own).</summary>
    public void Learn(SecureString? secret)
    {
        if (secret is null || secret.Length < ShortestSecret)
        {
            return;
        }

        lock (_known)
        {
            var plain = SecureText.Reveal(secret);
            foreach (var known in _known)
            {
                if (string.Equals(SecureText.Reveal(known), plain, StringComparison.Ordinal))
                {
                    return;
                }
            }

            _known.Add(SecureText.Protect(plain));
        }
    }

    public void Learn(IEnumerable<SecureString?> secrets)
    {
        foreach (var secret in secrets)
        {
            Learn(secret);
        }
    }

    /// <summary>The text with every known secret and every secret-shaped word replaced by [redacted].</summary>
    public string Scrub(string? text)
    {
        if (NullableText.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var scrubbed = text;
        lock (_known)
        {
            foreach (var known in _known)
            {
                scrubbed = scrubbed.Replace(SecureText.Reveal(known), Redacted);
            }
        }

        return Shapes.Replace(scrubbed, m => m.Groups["keep"].Value + Redacted);
    }

    /// <summary>
    /// The failure as it may be shown: its message and a text target scrubbed, and in place of its
    /// inner exceptions their type and scrubbed message (a .NET exception's text can quote an answer).
    /// </summary>
    public StageMapException Scrub(StageMapException failure) => new(
        failure.ErrorId,
        failure.Category,
        failure.Target is string target ? Scrub(target) : failure.Target,
        Scrub(failure.Message),
        Cause(failure.InnerException));

    private Exception? Cause(Exception? inner) =>
        inner is null ? null : new LiveCauseException(
            Scrub(inner is LiveCauseException ? inner.Message : $"{inner.GetType().FullName}: {inner.Message}"), Cause(inner.InnerException));
}

/// <summary>What lay under a live failure (a socket error, a parser's complaint), with any secret redacted.</summary>
public sealed class LiveCauseException : Exception
{
    public LiveCauseException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
