using System.Globalization;
using System.Net;
using System.Text;

namespace StageMap.Engine.Report;

/// <summary>Writes HTML where every text is encoded: a status named &lt;script&gt; is shown, never run.</summary>
internal sealed class Html
{
    private readonly StringBuilder _text = new();

    /// <summary>Text content or an attribute value, encoded (&amp; &lt; &gt; &quot; &#39;).</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Markup written as it is: only for StageMap's own tags, never for a value.</summary>
    public Html Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        _text.Append(Encode(text));
        return this;
    }

    public Html Number(long n)
    {
        _text.Append(n.ToString("N0", CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>An element with encoded text: <paramref name="attributes"/> is StageMap's own markup.</summary>
    public Html Element(string tag, string? text, string attributes = "")
    {
        _text.Append('<').Append(tag).Append(attributes.Length == 0 ? "" : " ").Append(attributes).Append('>')
            .Append(Encode(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    public static string Attribute(string name, string? value) => $"{name}=\"{Encode(value)}\"";

    public static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public override string ToString() => _text.ToString();
}
