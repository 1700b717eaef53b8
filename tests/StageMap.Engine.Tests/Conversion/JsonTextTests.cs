using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// A string written into a file's bytes is what Json.NET's JsonTextWriter wrote through a UTF-8
/// StreamWriter, whatever its length and wherever a character that is not plain ASCII stands: on .NET
/// plain ASCII goes sixteen, then eight characters at a time (the last one to seven as the text's last
/// eight), four at a time on .NET Framework (the last one to three as the text's last four), the rest one
/// by one or through the encoder; alone, or as a converted record's fields written flat into a file.
/// </summary>
public class JsonTextTests
{
    private static readonly string[] Others = { "\"", "\\", "\n", "\u0001", "\u007F", "é", "\u0085", "\u2028", "\u4E0A", "\U0001F600", "\uD800", "\uDC00" };

    [Fact]
    public void A_string_of_any_length_with_any_character_anywhere_is_written_as_Json_NET_wrote_it()
    {
        for (var length = 0; length <= 40; length++)
        {
            var plain = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                plain.Append((char)('!' + ((i * 7) % 90)) is '"' or '\\' ? 'x' : (char)('!' + ((i * 7) % 90)));
            }

            AssertWrittenAsJsonNet(plain.ToString());
            foreach (var other in Others)
            {
                for (var at = 0; at <= length; at++)
                {
                    AssertWrittenAsJsonNet(plain.ToString().Insert(at, other));
                    AssertWrittenAsJsonNet(plain.ToString().Insert(at, other + other));
                }
            }
        }
    }

    [Fact]
    public void A_converted_record_written_flat_into_a_file_is_what_Json_NET_wrote_whatever_its_texts_hold()
    {
        var plan = ConversionPlan.Create(
            Configs.With(Configs.Lead("First Name", "FirstName"), Configs.Lead("Last Name", "LastName"), Configs.Lead("Email", "Email"), Configs.Lead("Title", "Title")),
            CrmObject.Lead,
            ConversionDirection.Pull);
        for (var length = 0; length <= 40; length++)
        {
            var plain = new string('a', length).Select((_, i) => (char)('!' + ((i * 7) % 90)) is '"' or '\\' ? 'x' : (char)('!' + ((i * 7) % 90))).ToArray();
            foreach (var other in Others.Append(";").Append(" "))
            {
                for (var at = 0; at <= length; at++)
                {
                    var text = new string(plain).Insert(at, other);
                    var record = Configs.Record(("Id", "00Q5g00000AbC11EAA"), ("FirstName", text), ("LastName", text + other + text), ("Email", text), ("Title", length));
                    AssertRecordWrittenAsJsonNet(plan, record);
                }
            }
        }
    }

    private static void AssertRecordWrittenAsJsonNet(ConversionPlan plan, IInputRecord input)
    {
        var result = plan.Convert(input);
        Assert.True(result.Succeeded);
        var expected = new MemoryStream();
        using (var writer = new StreamWriter(expected, new UTF8Encoding(false), 1024, leaveOpen: true))
        using (var json = new JsonTextWriter(writer))
        {
            json.WriteStartObject();
            foreach (var field in result.Record.Fields)
            {
                json.WritePropertyName(field.Key);
                if (field.Value is IEnumerable<object?> items)
                {
                    json.WriteStartArray();
                    foreach (var item in items)
                    {
                        json.WriteValue(item);
                    }

                    json.WriteEndArray();
                }
                else
                {
                    json.WriteValue(field.Value);
                }
            }

            json.WriteEndObject();
        }

        var actual = new MemoryStream();
        using (var file = RecordFileWriter.ForConverted(RecordFileFormat.JsonLines, actual, plan, RecordShape.Object))
        {
            file.Write(result.Record);
            file.Finish();
        }

        Assert.Equal(expected.ToArray().Append((byte)'\n'), actual.ToArray());
    }

    private static void AssertWrittenAsJsonNet(string text)
    {
        var expected = new MemoryStream();
        using (var writer = new StreamWriter(expected, new UTF8Encoding(false), 1024, leaveOpen: true))
        using (var json = new JsonTextWriter(writer))
        {
            json.WriteValue(text);
        }

        var actual = new MemoryStream();
        var output = new Utf8TextOut(actual);
        new JsonOutput(output).String(text);
        output.Flush();

        Assert.Equal(expected.ToArray(), actual.ToArray());
    }
}
