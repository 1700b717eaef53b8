using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace StageMap.Engine;

/// <summary>
/// Messages are whole sentences. Text from elsewhere (an API's error message, a CLI's) often lacks its
/// full stop ("Session expired or invalid"), so parts are joined here: each gets a full stop unless it
/// ends in one (or a question or exclamation mark), and the next starts after ". ".
/// </summary>
public static class Sentences
{
    /// <summary>The non-empty parts, trimmed, each ended with a full stop, joined by one space.</summary>
    public static string Join(params string?[] parts) => Join((IEnumerable<string?>)parts);

    public static string Join(IEnumerable<string?> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts.OfType<string>().Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(End(part));
        }

        return text.ToString();
    }

    /// <summary><paramref name="sentence"/> with a full stop at its end unless it has one (or ends in ? or !).</summary>
    public static string End(string sentence)
    {
        var trimmed = sentence.TrimEnd();
        return trimmed.Length == 0 || trimmed[trimmed.Length - 1] is '.' or '?' or '!' ? trimmed : trimmed + ".";
    }
}
