using System;
using System.Collections.Generic;

namespace StageMap.Engine.Text;

/// <summary>
/// A name pattern as PowerShell's wildcards read it (<c>*</c> any run of characters, <c>?</c> one
/// character, <c>[abc]</c> and <c>[a-z]</c> one of a set, a backtick escapes the next character),
/// matched ignoring case. The engine selects names the way Get-ChildItem does without referencing
/// PowerShell; a test holds it to PowerShell's own WildcardPattern.
/// </summary>
public sealed class NamePattern
{
    private const char Escape = '`';

    private readonly Token[] _tokens;

    private NamePattern(string text, Token[] tokens)
    {
        Text = text;
        _tokens = tokens;
    }

    public string Text { get; }

    /// <summary>True when <paramref name="text"/> has an unescaped *, ?, [ or ] (PowerShell's ContainsWildcardCharacters).</summary>
    public static bool HasWildcards(string? text)
    {
        if (NullableText.IsNullOrEmpty(text))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '*' or '?' or '[' or ']')
            {
                return true;
            }

            if (text[i] == Escape)
            {
                i++;
            }
        }

        return false;
    }

    /// <exception cref="StageMapException">InvalidWildcardPattern: a [ never closed, or a range whose start is after its end.</exception>
    public static NamePattern Parse(string text)
    {
        var tokens = new List<Token>();
        var escaped = false;
        var openedSet = false;
        List<char>? set = null;
        List<bool>? dashes = null;
        foreach (var c in text)
        {
            if (set is not null)
            {
                if (c == ']' && !openedSet && !escaped)
                {
                    // dashes is made with set, whenever set is.
                    tokens.Add(SetToken(text, set, dashes!));
                    set = null;
                }
                else if (c != Escape || escaped)
                {
                    set.Add(c);
                    // dashes is made with set, whenever set is.
                    dashes!.Add(c == '-' && !escaped);
                }

                openedSet = false;
            }
            else if (c == '*' && !escaped)
            {
                tokens.Add(Token.Star);
            }
            else if (c == '?' && !escaped)
            {
                tokens.Add(Token.AnyOne);
            }
            else if (c == '[' && !escaped)
            {
                set = new List<char>();
                dashes = new List<bool>();
                openedSet = true;
            }
            else if (c != Escape || escaped)
            {
                tokens.Add(Token.Literal(c));
            }

            escaped = c == Escape && !escaped;
        }

        if (set is not null)
        {
            throw Failures.InvalidWildcardPattern(text, "a [ is never closed by ]");
        }

        // A trailing backtick escapes nothing and stands for itself; a lone backtick is an empty pattern, as in PowerShell.
        if (escaped && text != "`")
        {
            tokens.Add(Token.Literal(Escape));
        }

        return new NamePattern(text, tokens.ToArray());
    }

    /// <summary>True when the whole of <paramref name="name"/> matches, ignoring case.</summary>
    public bool IsMatch(string? name)
    {
        if (name is null)
        {
            return false;
        }

        // Greedy matching with one backtrack point: the last star, retried one character further each time.
        int t = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (t < _tokens.Length && _tokens[t].Kind != TokenKind.Star && _tokens[t].Matches(name[n]))
            {
                t++;
                n++;
            }
            else if (t < _tokens.Length && _tokens[t].Kind == TokenKind.Star)
            {
                star = t++;
                resume = n;
            }
            else if (star >= 0)
            {
                t = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (t < _tokens.Length && _tokens[t].Kind == TokenKind.Star)
        {
            t++;
        }

        return t == _tokens.Length;
    }

    public override string ToString() => Text;

    private static Token SetToken(string text, List<char> set, List<bool> dashes)
    {
        var ranges = new List<(char From, char To)>();
        for (var i = 0; i < set.Count;)
        {
            if (i + 2 < set.Count && dashes[i + 1])
            {
                if (set[i] > set[i + 2])
                {
                    throw Failures.InvalidWildcardPattern(text, $"the range {set[i]}-{set[i + 2]} runs backwards");
                }

                ranges.Add((set[i], set[i + 2]));
                i += 3;
            }
            else
            {
                ranges.Add((set[i], set[i]));
                i++;
            }
        }

        return Token.OneOf(ranges.ToArray());
    }

    private enum TokenKind
    {
        Literal,
        AnyOne,
        Star,
        Set,
    }

    private readonly struct Token
    {
        private readonly char _literal;
        private readonly (char From, char To)[]? _ranges;

        private Token(TokenKind kind, char literal, (char From, char To)[]? ranges)
        {
            Kind = kind;
            _literal = literal;
            _ranges = ranges;
        }

        public static Token Star => new(TokenKind.Star, '\0', null);

        public static Token AnyOne => new(TokenKind.AnyOne, '\0', null);

        public TokenKind Kind { get; }

        public static Token Literal(char c) => new(TokenKind.Literal, c, null);

        public static Token OneOf((char From, char To)[] ranges) => new(TokenKind.Set, '\0', ranges);

        public bool Matches(char c) => Kind switch
        {
            TokenKind.AnyOne => true,
            TokenKind.Literal => char.ToUpperInvariant(c) == char.ToUpperInvariant(_literal) || char.ToLowerInvariant(c) == char.ToLowerInvariant(_literal),
            TokenKind.Set => InSet(c) || InSet(char.ToUpperInvariant(c)) || InSet(char.ToLowerInvariant(c)),
            _ => false,
        };

        private bool InSet(char c)
        {
            // A Set token, the only kind InSet is called for, has its ranges.
            foreach (var (from, to) in _ranges!)
            {
                if (c >= from && c <= to)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
