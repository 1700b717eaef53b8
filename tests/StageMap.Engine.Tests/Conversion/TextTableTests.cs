using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Conversion;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// The table the bulk path looks file text up in hashes a key by its length and its first and last four
/// characters: keys that share those are still each found, ordinally, and nothing else is.
/// </summary>
public class TextTableTests
{
    [Fact]
    public void Keys_of_one_length_first_and_last_four_characters_are_each_found_and_near_misses_are_not()
    {
        var keys = Enumerable.Range(0, 40).Select(i => $"Open - Level {i % 10}{i / 10} Hot")
            .Concat(new[] { "", "A", "AB", "ABC", "ABCD", "ABCDE", "Closed - Converted", "Closed - Not Converted", "01J5g00000Lb7QA", "01J5g00000Lb7QB" })
            .ToList();
        var table = new TextTable<string>(keys.Select(k => new KeyValuePair<string, string>(k, "value of " + k)));

        foreach (var key in keys)
        {
            Assert.Equal("value of " + key, table.Find(key.AsSpan()));
            Assert.Equal("value of " + key, table.Find(("[" + key + "]").AsSpan(1, key.Length)));
        }

        foreach (var miss in new[] { "Open - Level 99 Hot", "open - Level 00 Hot", "Open - Level 0 Hot", "ABCDEF", "abc", " A", "Closed - converted", "01J5g00000Lb7QC" })
        {
            Assert.Null(table.Find(miss.AsSpan()));
        }
    }
}
