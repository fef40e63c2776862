using System.Net;
using System.Net.Sockets;
using Platform.Actors.Testing;
using Platform.Actors.Transport;

namespace Platform.Actors.Tests.Cluster;

/// <summary>The first frames on a connection to a silo, sent by hand as a peer of another build would.</summary>
[Collection(MultiSiloCollection.Name)]
public sealed class HandshakeTests(MultiSiloFixture fixture)
{
    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_peer_speaking_another_protocol_version_is_refused_with_both_versions_named()
    {
        var (kind, reason, _, version) = await HelloAsync(HandshakeFrame.ProtocolVersion + 1);

        Assert.Equal(FrameKind.HelloRefused, kind);
        Assert.Contains($"protocol version {HandshakeFrame.ProtocolVersion}, not {HandshakeFrame.ProtocolVersion + 1}", reason);
        Assert.Equal(HandshakeFrame.ProtocolVersion, version);
    }

    [Fact]
    public async Task A_peer_that_sends_no_version_is_taken_for_version_1()
    {
        var (kind, _, _, version) = await HelloAsync(protocolVersion: null);

        Assert.Equal(FrameKind.HelloOk, kind);
        Assert.Equal(1, version);
    }

    // Says hello to the first silo as a cluster client would, with the given version or none, and reads the answer.
    private async Task<(FrameKind Kind, string Text, long Generation, int Version)> HelloAsync(int? protocolVersion)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, Cluster.Silos[0].Port);
        var hello = new FrameBuffer();
        hello.WriteInt32(0);
        hello.WriteByte((byte)FrameKind.Hello);
        hello.WriteString($"handshake-test-{Guid.NewGuid():N}");
        hello.WriteInt64(0);
        if (protocolVersion is { } version) hello.WriteInt32(version);
        hello.PatchInt32(0, hello.Length - 4);
        await socket.SendAsync(hello.WrittenMemory, SocketFlags.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await MessageCenter.ReadHandshakeAsync(socket, timeout.Token);
    }
}
