using ChainBot.Channels.Api;
using ChainBot.Channels.Tests.Support;

namespace ChainBot.Channels.Tests.Api;

public class ApiResponseTests
{
    private static readonly DateTimeOffset Fetched = new(2024, 4, 25, 9, 0, 0, TimeSpan.FromHours(8));

    [Test]
    public void Official_account_token_has_no_errcode()
    {
        var response = ApiResponse.Parse(Bytes.Utf8("{\"access_token\":\"ACCESS_TOKEN\",\"expires_in\":7200}"));

        Assert.That(response.IsSuccess, Is.True);
        Assert.That(response.Value!.IsOk, Is.True);
        var token = response.Value.ToAccessToken(Fetched)!;
        Assert.That(token.Value, Is.EqualTo("ACCESS_TOKEN"));
        Assert.That(token.ExpiresAt, Is.EqualTo(Fetched.AddHours(2)));
        Assert.That(token.NeedsRefresh(Fetched.AddMinutes(100)), Is.False);
        Assert.That(token.NeedsRefresh(Fetched.AddMinutes(116)), Is.True);
    }

    [Test]
    public void WeCom_token_has_errcode_zero()
    {
        var response = ApiResponse.Parse(Bytes.Utf8("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"T\",\"expires_in\":7200}")).Value!;
        Assert.That(response.ToAccessToken(Fetched)!.Value, Is.EqualTo("T"));
    }

    [Test]
    public void Error_answer_is_read()
    {
        var response = ApiResponse.Parse(Bytes.Utf8("{\"errcode\":40013,\"errmsg\":\"invalid appid\"}")).Value!;

        Assert.That(response.IsOk, Is.False);
        Assert.That(response.ErrCode, Is.EqualTo(40013));
        Assert.That(response.ErrMsg, Is.EqualTo("invalid appid"));
        Assert.That(response.ToAccessToken(Fetched), Is.Null);
    }

    [Test]
    public void WeCom_send_answer_carries_msgid_and_invaliduser()
    {
        var response = ApiResponse.Parse(Bytes.Utf8("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"u2|u3\",\"msgid\":\"xyz\"}")).Value!;
        Assert.That(response.InvalidUser, Is.EqualTo("u2|u3"));
        Assert.That(response.MsgId, Is.EqualTo("xyz"));
    }

    [TestCase("", ChannelError.MalformedJson)]
    [TestCase("<html>502</html>", ChannelError.MalformedJson)]
    [TestCase("[1]", ChannelError.MalformedJson)]
    [TestCase("{\"errcode\":0} {}", ChannelError.MalformedJson)]
    [TestCase("{\"errcode\":", ChannelError.MalformedJson)]
    [TestCase("{\"errcode\":\"x\"}", ChannelError.BadField)]
    [TestCase("{\"errcode\":1.5}", ChannelError.BadField)]
    public void Malformed_answers_are_values(string json, ChannelError expected)
    {
        Assert.That(ApiResponse.Parse(Bytes.Utf8(json)).Error, Is.EqualTo(expected));
    }

    [Test]
    public void Tokens_never_print()
    {
        var response = ApiResponse.Parse(Bytes.Utf8("{\"access_token\":\"SECRET_TOKEN\",\"expires_in\":7200}")).Value!;
        Assert.That(response.ToString(), Does.Not.Contain("SECRET_TOKEN"));
        Assert.That(response.ToAccessToken(Fetched)!.ToString(), Does.Not.Contain("SECRET_TOKEN"));
    }
}
