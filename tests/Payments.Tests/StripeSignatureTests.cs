using System.Text;
using Platform.Api.Payments.Stripe;
using Platform.StripeFake;

namespace Platform.Payments.Tests;

public sealed class StripeSignatureTests
{
    private const string Secret = "whsec_one";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"payment_intent.succeeded"}""");

    [Fact]
    public void A_signature_over_the_timestamp_and_raw_body_is_valid() =>
        Assert.Equal(SignatureCheck.Valid, Verify(Sign(Now, Secret), Payload, Secret));

    [Fact]
    public void A_signature_made_with_another_secret_matches_nothing() =>
        Assert.Equal(SignatureCheck.NoMatch, Verify(Sign(Now, "whsec_other"), Payload, Secret));

    [Fact]
    public void A_tampered_body_matches_nothing()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"payment_intent.succeeded" }""");
        Assert.Equal(SignatureCheck.NoMatch, Verify(Sign(Now, Secret), tampered, Secret));
    }

    [Fact]
    public void A_timestamp_older_than_the_tolerance_is_refused_even_when_signed_correctly() =>
        Assert.Equal(SignatureCheck.OutsideTolerance, Verify(Sign(Now - Tolerance - TimeSpan.FromSeconds(1), Secret), Payload, Secret));

    [Fact]
    public void A_timestamp_just_inside_the_tolerance_is_accepted() =>
        Assert.Equal(SignatureCheck.Valid, Verify(Sign(Now - Tolerance + TimeSpan.FromSeconds(1), Secret), Payload, Secret));

    [Fact]
    public void A_timestamp_far_in_the_future_is_refused() =>
        Assert.Equal(SignatureCheck.OutsideTolerance, Verify(Sign(Now + Tolerance + TimeSpan.FromSeconds(1), Secret), Payload, Secret));

    [Fact]
    public void While_secrets_rotate_a_header_with_one_signature_per_secret_is_valid_for_an_endpoint_knowing_either()
    {
        var header = StripeFakeServer.Sign(Encoding.UTF8.GetString(Payload), Now, ["whsec_old", "whsec_new"]);
        Assert.Equal(SignatureCheck.Valid, Verify(header, Payload, "whsec_old"));
        Assert.Equal(SignatureCheck.Valid, Verify(header, Payload, "whsec_new"));
    }

    [Fact]
    public void An_endpoint_with_several_secrets_accepts_a_signature_by_any_of_them()
    {
        var check = StripeSignature.Verify(Sign(Now, "whsec_old"), Payload, ["whsec_new", "whsec_old"], Tolerance, Now);
        Assert.Equal(SignatureCheck.Valid, check);
    }

    [Theory]
    [InlineData(null, SignatureCheck.Missing)]
    [InlineData("", SignatureCheck.Missing)]
    [InlineData("v1=abc", SignatureCheck.Malformed)]
    [InlineData("t=1700000000", SignatureCheck.Malformed)]
    [InlineData("t=soon,v1=00", SignatureCheck.Malformed)]
    public void A_header_without_a_timestamp_and_a_v1_signature_is_malformed(string? header, SignatureCheck expected) =>
        Assert.Equal(expected, Verify(header, Payload, Secret));

    [Fact]
    public void Signatures_of_other_schemes_are_ignored()
    {
        var v1 = Sign(Now, Secret);
        var v0Only = v1.Replace("v1=", "v0=", StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.Malformed, Verify(v0Only, Payload, Secret));
    }

    private static string Sign(DateTimeOffset at, string secret) => StripeFakeServer.Sign(Encoding.UTF8.GetString(Payload), at, [secret]);

    private static SignatureCheck Verify(string? header, byte[] payload, string secret) =>
        StripeSignature.Verify(header, payload, [secret], Tolerance, Now);
}
