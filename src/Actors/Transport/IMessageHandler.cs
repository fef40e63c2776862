using Platform.Actors.Membership;
using Platform.Actors.Runtime;

namespace Platform.Actors.Transport;

/// <summary>What a process does with what its connections bring: a silo routes requests to grains; a client, to its observers.</summary>
internal interface IMessageHandler
{
    /// <summary>A request arrived (its response sink answers over the connection it came on).</summary>
    void OnRequest(Connection connection, Message message);

    /// <summary>A request never reached <paramref name="silo"/> (unreachable, refused, or another generation): route it again or fail it.</summary>
    void OnUndelivered(Message message, SiloAddress? silo, string reason);

    void OnClosed(Connection connection);
}
