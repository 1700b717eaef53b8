using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Drift;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Drift;

public class JoinKeyPackingTests
{
    private const string Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    [Fact]
    public void An_id_is_packed_exactly_when_SalesforceId_takes_it_and_by_its_15_character_form()
    {
        var random = new Random(20261203);
        var texts = new List<string> { "", "00Q5g00000Dm001", "00Q5g00000Dm001EAB", "00Q5g00000Dm001eab", "00Q5g00000Dm001EAC", "00Q5g00000Dm00é", "00Q5g00000Dm00 ", "00Q5g00000Dm001EA-" };
        for (var i = 0; i < 20000; i++)
        {
            var chars = Enumerable.Range(0, 15).Select(_ => Alphanumerics[random.Next(Alphanumerics.Length)]).ToArray();
            var id = new string(chars);
            var suffix = SuffixOf(id);
            texts.Add(id);
            texts.Add(id + suffix);
            texts.Add(id + suffix.ToLowerInvariant());
            texts.Add(id + Mutated(suffix, random)); // a changed case or character: mostly not an id
            var odd = chars.ToArray();
            const string Others = "-_ é\u0130\u212A/:@Z9";
            odd[random.Next(15)] = Others[random.Next(Others.Length)];
            texts.Add(new string(odd) + (random.Next(2) == 0 ? "" : suffix));
            texts.Add(id.Substring(0, random.Next(15)));
            texts.Add(id + suffix + "A");
        }

        foreach (var text in texts)
        {
            var taken = SalesforceId.TryShort(text.AsSpan(), out var shortId);
            var packed = JoinKey.TryPack(text.AsSpan(), out var id);

            Assert.True(taken == packed, text);
            if (taken)
            {
                Assert.Equal(Reference(shortId), (id.High, id.Low));
            }
        }
    }

    private static string SuffixOf(string id)
    {
        var suffix = "";
        for (var block = 0; block < 3; block++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                bits |= (id[block * 5 + i] is >= 'A' and <= 'Z' ? 1 : 0) << i;
            }

            suffix += SalesforceId.SuffixAlphabet[bits];
        }

        return suffix;
    }

    private static string Mutated(string suffix, Random random)
    {
        var chars = suffix.ToCharArray();
        chars[random.Next(3)] = Alphanumerics[random.Next(Alphanumerics.Length)];
        return new string(chars);
    }

    // Six bits a character, ten characters in the first number and five in the second, in id order.
    private static (ulong High, ulong Low) Reference(ReadOnlySpan<char> id)
    {
        ulong high = 0, low = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = id[i];
            var code = (ulong)(c <= '9' ? c - '0' : c <= 'Z' ? c - 'A' + 10 : c - 'a' + 36);
            if (i < 10) high = (high << 6) | code; else low = (low << 6) | code;
        }

        return (high, low);
    }
}
