using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// Record files in JSON with everything the record readers meet: Salesforce query records (attributes,
/// floats, booleans, nulls), prospects (lists, stage ids and names), JSON:API documents, the objects
/// that hold records, escapes of every kind, numbers Json.NET reads in ways of its own, and (when
/// asked) things only Json.NET reads or refuses: comments, single quotes, trailing commas, NaN, an
/// unpaired surrogate escape, a NUL, the end of the text inside a value.
/// </summary>
internal static class GeneratedJson
{
    private static readonly string[] Statuses = { "Working - Contacted", "Closed - Converted", "Open - Not Contacted", "Unmapped", "", "  " };

    private static readonly string[] Texts =
    {
        "plain", "", " ", "with \\\"quote\\\"", "back\\\\slash", "slash\\/ed", "tab\\tnew\\nline\\r\\f\\b", "G\\u00f6del", "\\u00C9t\\u00e9",
        "emoji \\ud83d\\ude00", "raw Gödel 🙂", "line\u2028separator", "\u0085next", "ctl\u0001char", "a;b; ;c", "; ;", "[not provided]", "n/a",
        "=SUM(A1)", "+1", "@cmd", "Working - Contacted", "Approaching", "New", "2", "raw\ttab", "raw\nline", "raw\r\nline", "raw\rline",
        "\\u2028\\u2029\\u0085", "quote ' single", "x".PadRight(300, 'x'),
    };

    /// <summary>Numbers as they appear in files, each the text Json.NET sees.</summary>
    private static readonly string[] Numbers =
    {
        "0", "1", "7", "-5", "42", "1023", "1024", "123456789012345678", "-123456789012345678", "1234567890123456789", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "1.5", "1.50", "-0.0", "0.05", "10.25", "-3.14159",
        "12345678901234567.8", "1.234567890123456789", "1e5", "1E-3", "2.5e+3", "-0", "0.0", "5000000.0",
    };

    /// <summary>Text only Json.NET reads (or refuses), each dropped between two values or members.</summary>
    private static readonly string[] Unusual =
    {
        "/* a comment */", "// a line comment\n", "\u00a0", "\u0000", ",", ",,",
    };

    /// <summary>Values only Json.NET reads (or refuses).</summary>
    private static readonly string[] UnusualValues =
    {
        "'single'", "NaN", "Infinity", "-Infinity", "undefined", "0x1F", "017", "01.5", "1.", ".5", "-", "1-2", "tru", "nul",
        "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800x\"", "\"\\ud800\\u0041\"", "\"\\x41\"", "\"\\u12\"", "\"\\u0000\"", "[1,]", "[,1]", "{\"a\":1,}",
        "\"unterminated", "[1 2]", "{\"a\" 1}", "{a:1}", "{'a':1}", "\"a\u0000b\"", "1e400", "88888888888888888888888888888e0", "١٢",
    };

    /// <summary>A file of records in one of the shapes the readers take.</summary>
    /// <param name="unusual">How often (1 in n values) something only Json.NET reads goes in, values that are not records among them; 0 for plain JSON of records only.</param>
    public static string File(int seed, int records, int unusual = 0)
    {
        var random = new Random(seed);
        var items = Enumerable.Range(0, records).Select(i => Record(random, i, unusual)).ToList();
        var newline = random.Next(4) switch { 0 => "\r\n", 1 => "\r", _ => "\n" };
        switch (random.Next(6))
        {
            case 0:
                return "[" + newline + string.Join("," + newline, items) + newline + "]" + newline;
            case 1:
                return "{\"totalSize\": " + records + ", \"done\": true, \"records\": [" + string.Join(",", items) + "], \"nextRecordsUrl\": null}";
            case 2:
                return "{\"status\": 0, \"result\": {\"totalSize\": " + records + ", \"records\": [" + newline + string.Join("," + newline, items) + "]}, \"warnings\": []}" + newline;
            case 3:
                return "{\"data\": [" + string.Join(", ", items) + "], \"meta\": {\"count\": " + records + "}}";
            default:
                return string.Join(newline, items) + (random.Next(2) == 0 ? newline : "");
        }
    }

    private static string Record(Random random, int i, int unusual)
    {
        var members = new List<string>();
        switch (random.Next(4))
        {
            case 0:
                // A Salesforce query record.
                var type = random.Next(10) == 0 ? "Contact" : "Lead";
                members.Add($"\"attributes\": {{\"type\": \"{type}\", \"url\": \"/services/data/v58.0/sobjects/{type}/00Q5g00000AbC{i % 100:D2}EAA\"}}");
                if (random.Next(6) != 0)
                {
                    members.Add($"\"Id\": \"00Q5g00000AbC{i % 100:D2}EAA\"");
                }

                members.Add($"\"FirstName\": {Text(random)}");
                members.Add($"\"LastName\": {Text(random)}");
                members.Add($"\"Status\": \"{Statuses[random.Next(Statuses.Length)]}\"");
                members.Add($"\"Email\": {(random.Next(3) == 0 ? "null" : Text(random))}");
                members.Add($"\"AnnualRevenue\": {Value(random, unusual)}");
                members.Add($"\"IsConverted\": {(random.Next(2) == 0 ? "true" : "false")}");
                break;
            case 1:
                // JSON:API.
                members.Add("\"data\": {\"type\": \"prospect\", \"id\": " + i + ", \"attributes\": {\"firstName\": " + Text(random) + ", \"externalId\": \"00Q5g00000AbC" + (i % 100).ToString("D2", CultureInfo.InvariantCulture)
                    + "EAA\", \"emails\": [" + Text(random) + "]}, \"relationships\": {\"stage\": {\"data\": {\"type\": \"stage\", \"id\": " + (random.Next(6) + 1) + "}}}}");
                break;
            default:
                // A prospect as ConvertTo-OutreachProspect writes it, or nearly.
                members.Add($"\"salesforceId\": \"00Q5g00000AbC{i % 100:D2}EAA\"");
                members.Add("\"stage\": " + (random.Next(3) switch { 0 => Numbers[random.Next(8)], 1 => "\"Replied\"", _ => random.Next(2) == 0 ? "null" : (random.Next(6) + 1).ToString(CultureInfo.InvariantCulture) }));
                members.Add($"\"stageName\": {Text(random)}");
                members.Add($"\"firstName\": {Text(random)}");
                members.Add("\"emails\": [" + string.Join(", ", Enumerable.Range(0, random.Next(3)).Select(_ => Text(random))) + "]");
                if (random.Next(3) != 0)
                {
                    members.Add($"\"title\": {Value(random, unusual)}");
                }

                members.Add("\"workPhones\": " + (random.Next(4) == 0 ? "[[\"nested\"]]" : "[" + Text(random) + "]"));
                members.Add($"\"addressState\": {Value(random, unusual)}");
                break;
        }

        switch (random.Next(30))
        {
            case 0:
                members.Add("\"FIRSTNAME\": \"twice\"");
                members.Add("\"firstname\": \"thrice\"");
                break;
            case 1:
                // Deeper than the fast path reads (32) only where Json.NET is to read the file anyway.
                var nesting = unusual > 0 ? 40 : 20;
                members.Add("\"nested\": " + new string('[', nesting) + new string(']', nesting));
                break;
            case 2:
                members.Add("\"deep\": " + Deep(unusual > 0 ? random.Next(60, 66) : random.Next(1, 30)));
                break;
            case 3:
                members.Add("\"empty\": {}, \"none\": []");
                break;
            case 4:
                members.Add("\"na\\u006de\": \"an escaped name\"");
                break;
        }

        if (unusual > 0 && random.Next(unusual) == 0)
        {
            members.Insert(random.Next(members.Count + 1), "\"odd\": " + UnusualValues[random.Next(UnusualValues.Length)]);
        }

        var spacing = random.Next(5) == 0 ? "\n  " : random.Next(2) == 0 ? " " : "";
        var text = "{" + spacing + string.Join("," + spacing, members) + spacing + "}";
        if (unusual > 0 && random.Next(unusual * 2) == 0)
        {
            var at = random.Next(2) == 0 ? 0 : text.Length;
            text = text.Insert(at, Unusual[random.Next(Unusual.Length)]);
        }

        return unusual == 0 ? text : random.Next(40) == 0 ? "\"not a record\"" : random.Next(60) == 0 ? "[1, 2]" : text;
    }

    private static string Value(Random random, int unusual) => random.Next(6) switch
    {
        0 => Numbers[random.Next(Numbers.Length)],
        1 => "null",
        2 => random.Next(2) == 0 ? "true" : "false",
        _ => unusual > 0 && random.Next(unusual) == 0 ? UnusualValues[random.Next(UnusualValues.Length)] : Text(random),
    };

    private static string Text(Random random) => "\"" + Texts[random.Next(Texts.Length)] + "\"";

    private static string Deep(int depth) => new StringBuilder().Insert(0, "{\"a\": ", depth).Append('1').Append('}', depth).ToString();
}
