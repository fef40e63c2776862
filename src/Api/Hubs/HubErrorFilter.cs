using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Platform.Actors;
using Platform.Grains.Errors;

namespace Platform.Api.Hubs;

/// <summary>Gives hub clients the contract's errors: <c>HubException</c> messages that start with the error code.</summary>
public sealed class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (PlatformException refusal)
        {
            throw new HubException(refusal.Message);
        }
        catch (ArgumentException invalid)
        {
            throw new HubException($"{ErrorCodes.ValidationFailed}: {invalid.Message}");
        }
        catch (Exception busy) when (busy is TimeoutException or SiloUnavailableException)
        {
            throw new HubException($"{ErrorCodes.Unavailable}: the service is busy or restarting; try again");
        }
        catch (Exception fault) when (fault is not HubException)
        {
            logger.HubCallFailed(invocationContext.HubMethodName, fault);
            throw new HubException($"{ErrorCodes.Unavailable}: the request could not be completed");
        }
    }
}
