using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Platform.Api.Hubs;

/// <summary>
/// SignalR's JSON protocol, except that an invocation whose arguments cannot be bound (wrong types, a missing
/// argument, an unknown method) becomes a call of <see cref="PlatformHub.InvalidInvocationMethod"/>, so the client
/// gets the contract's <c>validation_failed</c> error instead of SignalR's generic "failed to invoke"; and that a
/// failed invocation's error is the <c>HubException</c>'s message alone, which starts with the contract's code.
/// </summary>
public sealed class ArgumentCheckingHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    // SignalR words an invocation's HubException as "An unexpected error occurred invoking 'X' on the server.
    // HubException: <message>"; clients read the code at the start of the error, so only the message is sent.
    private const string HubExceptionMarker = " HubException: ";

    private readonly JsonHubProtocol _json = new(options);

    public string Name => _json.Name;

    public int Version => _json.Version;

    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!_json.TryParseMessage(ref input, binder, out message)) return false;
        if (message is InvocationBindingFailureMessage failure)
        {
            message = new InvocationMessage(
                failure.InvocationId, PlatformHub.InvalidInvocationMethod, [failure.Target, failure.BindingFailure.SourceException.Message]);
        }

        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(WithContractError(message), output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(WithContractError(message));

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    private static HubMessage WithContractError(HubMessage message)
    {
        if (message is not CompletionMessage { Error: { } error, InvocationId: { } invocationId }) return message;
        var marker = error.IndexOf(HubExceptionMarker, StringComparison.Ordinal);
        return marker < 0 ? message : CompletionMessage.WithError(invocationId, error[(marker + HubExceptionMarker.Length)..]);
    }
}
