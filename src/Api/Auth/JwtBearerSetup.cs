using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Platform.Actors;
using Platform.Api.Errors;
using Platform.Api.Hubs;
using Platform.Grains.Errors;
using Platform.Grains.Users;

namespace Platform.Api.Auth;

/// <summary>
/// How access tokens are checked, for REST (the <c>Authorization</c> header) and the hub (<c>access_token</c> in the
/// query, as SignalR clients send it on WebSockets): signature, issuer, audience and lifetime, then the session,
/// so that a token stops working as soon as its session is revoked or its guest has expired.
/// </summary>
public sealed class JwtBearerSetup(SigningKeys keys, IOptions<AuthOptions> auth) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme) return;
        Configure(options);
    }

    public void Configure(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Value.Issuer,
            ValidAudience = auth.Value.Audience,
            IssuerSigningKey = keys.AccessTokenKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(5),
            NameClaimType = PlatformClaims.Username,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                if (context.HttpContext.Request.Path.StartsWithSegments(PlatformHub.Path)
                    && context.Request.Query.TryGetValue("access_token", out var token))
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = async context =>
            {
                var principal = context.Principal!;
                var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
                if (!await grains.GetGrain<IUserGrain>(principal.UserId()).IsSessionActive(principal.SessionId()))
                {
                    context.Fail("The session has ended.");
                }
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                var (code, detail) = context.AuthenticateFailure switch
                {
                    SecurityTokenExpiredException => (ErrorCodes.Expired, "The access token has expired; refresh it."),
                    null when context.Request.Headers.Authorization.Count == 0 && !context.Request.Query.ContainsKey("access_token") =>
                        (ErrorCodes.Unauthorized, "Sign in: this needs an access token."),
                    { Message: "The session has ended." } => (ErrorCodes.Unauthorized, "The session has ended; sign in again."),
                    _ => (ErrorCodes.Unauthorized, "The access token is not valid."),
                };
                await Problems.Of(code, detail).ExecuteAsync(context.HttpContext);
            },
            OnForbidden = context => Problems.Of(ErrorCodes.Forbidden, "This is not yours to do.").ExecuteAsync(context.HttpContext),
        };
    }
}
