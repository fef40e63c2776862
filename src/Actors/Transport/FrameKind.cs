namespace Platform.Actors.Transport;

/// <summary>What a frame carries. A frame is a little-endian int32 length, then this byte, then the body.</summary>
internal enum FrameKind : byte
{
    /// <summary>The connecting side's id, and the generation of the silo it means to reach (0: any).</summary>
    Hello = 1,

    /// <summary>The accepting side's id: the connection is open.</summary>
    HelloOk = 2,

    /// <summary>The accepting side is not who the connecting side meant (another generation); the connection closes.</summary>
    HelloRefused = 3,

    Request = 4,

    Response = 5,

    /// <summary>The sending silo is leaving: send no more requests on this connection, and say so with a GoodbyeAck.</summary>
    Goodbye = 6,

    /// <summary>No request follows this frame on this connection: the leaving silo may close it.</summary>
    GoodbyeAck = 7,

    /// <summary>Nothing to say, sent when a side has written nothing for a while: the peer hears that it is alive.</summary>
    Ping = 8,
}
