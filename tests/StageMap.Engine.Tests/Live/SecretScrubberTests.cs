using System;
using System.Net.Http;
using StageMap.Engine.Live;
using Xunit;

namespace StageMap.Engine.Tests.Live;

public class SecretScrubberTests
{
    [Fact]
    public void A_known_secret_is_redacted_wherever_it_appears()
    {
        var scrubber = new SecretScrubber();
        scrubber.Learn(SecureText.Protect("or-access-1f6c2a9d"));

        Assert.Equal("token [redacted] refused; [redacted]!", scrubber.Scrub("token or-access-1f6c2a9d refused; or-access-1f6c2a9d!"));
    }

    [Fact]
    public void A_secret_shorter_than_eight_characters_is_not_looked_for_so_messages_stay_readable()
    {
        var scrubber = new SecretScrubber();
        scrubber.Learn(SecureText.Protect("expired"));

        Assert.Equal("Session expired or invalid", scrubber.Scrub("Session expired or invalid"));
    }

    [Theory]
    [InlineData("Authorization: Bearer abc.DEF-123_x~y+z/w==", "Authorization: Bearer [redacted]")]
    [InlineData("quoting bearer eyJhbGciOiJIUzI1NiJ9.e30.sig here", "quoting bearer [redacted] here")]
    [InlineData("session 00D5g000004ABCD!AQ0AQH3m.xYz_9 expired", "session [redacted] expired")]
    [InlineData("session 00DLOOPBACK000001!AQ4AQ.sf-access-3c9e", "session [redacted]")]
    [InlineData("{\"access_token\":\"abc123456\",\"x\":1}", "{\"access_token\":\"[redacted]\",\"x\":1}")]
    [InlineData("grant_type=refresh_token&refresh_token=r-123456&client_secret=s-123456", "grant_type=refresh_token&refresh_token=[redacted]&client_secret=[redacted]")]
    [InlineData("id_token: abcdef", "id_token: [redacted]")]
    [InlineData("Name has already been taken.", "Name has already been taken.")]
    public void Anything_shaped_like_a_secret_is_redacted_even_when_unknown(string text, string expected)
    {
        Assert.Equal(expected, new SecretScrubber().Scrub(text));
    }

    [Fact]
    public void A_failure_keeps_its_id_and_category_and_loses_secrets_in_its_message_target_and_inner_exceptions()
    {
        var scrubber = new SecretScrubber();
        scrubber.Learn(SecureText.Protect("refresh-secret-42"));
        var inner = new HttpRequestException("proxy said refresh-secret-42", new InvalidOperationException("Bearer xyz123456"));
        var failure = new StageMapException(ErrorIds.OutreachRequestFailed, FailureCategory.ResourceUnavailable, "GET https://x/?refresh_token=refresh-secret-42", "could not: refresh-secret-42", inner);

        var scrubbed = scrubber.Scrub(failure);

        Assert.Equal((ErrorIds.OutreachRequestFailed, FailureCategory.ResourceUnavailable), (scrubbed.ErrorId, scrubbed.Category));
        Assert.Equal("GET https://x/?refresh_token=[redacted]", scrubbed.Target);
        Assert.Equal("could not: [redacted]", scrubbed.Message);
        Assert.Equal("System.Net.Http.HttpRequestException: proxy said [redacted]", scrubbed.InnerException!.Message);
        Assert.Equal("System.InvalidOperationException: Bearer [redacted]", scrubbed.InnerException.InnerException!.Message);
        Assert.DoesNotContain("refresh-secret-42", scrubbed.ToString());
        Assert.DoesNotContain("xyz123456", scrubbed.ToString());
    }
}
