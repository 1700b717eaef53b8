using System.Linq;
using StageMap.Engine.Drift;
using Xunit;

namespace StageMap.Engine.Tests.Drift;

public class KeySetTests
{
    [Fact]
    public void A_key_is_held_once_with_its_payload_and_taken_once()
    {
        var keys = new KeySet(4);

        Assert.True(keys.TryAdd(Key("00Q5g00000Dm001EAB"), 7));
        Assert.False(keys.TryAdd(Key("00Q5g00000Dm001"), 8));
        Assert.True(keys.TryAdd(Key("a@example.com"), 9));
        Assert.False(keys.TryAdd(Key("a@example.com"), 10));

        Assert.Equal(2, keys.Count);
        Assert.False(keys.AllTaken);
        Assert.Equal(KeyTake.Taken, keys.TryTake(Key("00Q5g00000Dm001"), out var payload));
        Assert.Equal(7, payload);
        Assert.Equal(KeyTake.TakenBefore, keys.TryTake(Key("00Q5g00000Dm001EAB"), out payload));
        Assert.Equal(7, payload);
        Assert.Equal(KeyTake.Missing, keys.TryTake(Key("00Q5g00000Dm002"), out _));
        Assert.Equal(KeyTake.Missing, keys.TryTake(Key("A@example.com"), out _));
        Assert.False(keys.AllTaken);
        Assert.Equal(KeyTake.Taken, keys.TryTake(Key("a@example.com"), out payload));
        Assert.Equal(9, payload);
        Assert.True(keys.AllTaken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(30000)]
    public void More_keys_than_expected_grow_the_table_and_every_key_is_found(int expected)
    {
        var keys = new KeySet(expected);
        var ids = Enumerable.Range(0, 20000).Select(i => "00Q5g" + i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.True(keys.TryAdd(Key(ids[i]), i % 5000));
        }

        Assert.Equal(ids.Length, keys.Count);
        Assert.True(keys.IdTableBytes >= ids.Length * 16 / 0.75);
        for (var i = ids.Length - 1; i >= 0; i -= 2)
        {
            Assert.Equal(KeyTake.Taken, keys.TryTake(Key(ids[i]), out var payload));
            Assert.Equal(i % 5000, payload);
        }

        Assert.False(keys.AllTaken);
        Assert.Equal(KeyTake.Missing, keys.TryTake(Key("00Q5g9999999999"), out _));
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(i % 2 == 1 ? KeyTake.TakenBefore : KeyTake.Taken, keys.TryTake(Key(ids[i]), out _));
        }

        Assert.True(keys.AllTaken);
    }

    [Fact]
    public void Ids_that_differ_only_in_their_last_characters_or_case_are_different_keys()
    {
        var keys = new KeySet(16);
        var ids = new[] { "000000000000000", "000000000000001", "100000000000000", "00000000000000a", "00000000000000A", "zzzzzzzzzzzzzzz", "ZZZZZZZZZZZZZZZ" };
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.True(keys.TryAdd(Key(ids[i]), i));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(KeyTake.Taken, keys.TryTake(Key(ids[i]), out var payload));
            Assert.Equal(i, payload);
        }
    }

    [Fact]
    public void A_payload_set_after_its_key_was_held_is_the_one_taken_even_after_the_table_grew()
    {
        var keys = new KeySet(2);
        var held = Enumerable.Range(0, 300).Select(i => Key("00Q5g" + i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))).Append(Key("a@example.com")).ToList();
        foreach (var key in held)
        {
            keys.Prefetch(key);
            Assert.True(keys.TryAdd(key, 0));
        }

        for (var i = 0; i < held.Count; i++)
        {
            keys.SetPayload(held[i], i + 1000);
        }

        for (var i = 0; i < held.Count; i++)
        {
            Assert.Equal(KeyTake.Taken, keys.TryTake(held[i], out var payload));
            Assert.Equal(i + 1000, payload);
        }

        Assert.True(keys.AllTaken);
    }

    private static JoinKey Key(string text) => JoinKey.From(text)!.Value;
}
