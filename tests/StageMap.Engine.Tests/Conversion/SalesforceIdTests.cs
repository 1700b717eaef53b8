using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

public class SalesforceIdTests
{
    [Theory]
    [InlineData("001A0000006Vm9r", "001A0000006Vm9rIAC")]
    [InlineData("001A0000006Vm9rIAC", "001A0000006Vm9rIAC")]
    [InlineData("001A0000006Vm9riac", "001A0000006Vm9rIAC")]
    public void The_18_character_form_adds_the_case_suffix(string id, string expected)
    {
        Assert.Equal(expected, SalesforceId.ToLong(id));
        Assert.Equal("001A0000006Vm9r", SalesforceId.ToShort(id));
    }

    [Theory]
    [InlineData("001a0000006Vm9rIAC")]
    [InlineData("001A0000006Vm9r-AC")]
    [InlineData("001A0000006Vm9")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_no_id(string? id)
    {
        Assert.Null(SalesforceId.ToShort(id));
    }
}
