using Platform.Grains.Errors;

namespace Platform.Grains.Tests.Errors;

public sealed class PlatformExceptionTests
{
    [Fact]
    public void The_message_is_the_hub_error_text()
    {
        var exception = new PlatformException(ErrorCodes.RateLimited, "Too many messages.", TimeSpan.FromSeconds(2.2));

        Assert.Equal("rate_limited: Too many messages. (retry after 3s)", exception.Message);
    }

    [Fact]
    public void Rebuilt_from_its_message_it_keeps_code_detail_and_wait()
    {
        var original = new PlatformException(ErrorCodes.Muted, "You are muted: really.", TimeSpan.FromMinutes(5));

        var rebuilt = new PlatformException(original.Message);

        Assert.Equal((original.Code, original.Detail, original.RetryAfterSeconds), (rebuilt.Code, rebuilt.Detail, rebuilt.RetryAfterSeconds));
    }

    [Fact]
    public void A_message_without_a_code_rebuilds_as_unavailable()
    {
        Assert.Equal(ErrorCodes.Unavailable, new PlatformException("something odd").Code);
    }
}
