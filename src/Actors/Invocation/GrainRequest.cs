using System.Text.Json;
using Platform.Actors.Runtime;
using Platform.Actors.Transport;

namespace Platform.Actors.Invocation;

/// <summary>
/// The body of one call: which method, with which arguments. Generated code derives one sealed class per
/// interface method from <see cref="GrainRequest{TResult}"/>, with the arguments as typed fields.
/// </summary>
public abstract class GrainRequest
{
    public abstract MethodDescriptor Method { get; }

    public abstract int ArgumentCount { get; }

    public abstract object? GetArgument(int index);

    public abstract void SetArgument(int index, object? value);

    /// <summary>
    /// Writes the arguments as JSON values, each by its parameter's declared type. Generated code writes each typed
    /// field as it is: no argument is boxed, and no serializer is looked up by type, on the way to another process.
    /// </summary>
    public abstract void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options);

    /// <summary>Reads what <see cref="WriteArguments"/> wrote: before each argument, the reader moves to its value.</summary>
    public abstract void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Replaces every argument that is not immutable with a deep copy, so caller and callee share nothing mutable.</summary>
    public abstract void CopyArguments();

    /// <summary>
    /// Runs the method on <paramref name="target"/> and answers <paramref name="message"/>'s caller.
    /// Returns the exception the method threw, if any, so the runtime can react to it.
    /// </summary>
    internal abstract ValueTask<Exception?> InvokeAndRespondAsync(object target, Message message);

    internal abstract void RespondWithException(Message message, Exception exception);

    /// <summary>A response sink, typed by the result, that answers a request that came over <paramref name="connection"/>.</summary>
    internal abstract object CreateRemoteSink(Connection connection, long correlationId);

    /// <summary>Answers the message's caller with a result that came over the wire as JSON.</summary>
    internal abstract void RespondFromWire(Message message, ReadOnlySpan<byte> json, JsonSerializerOptions options);

    public override string ToString() => Method.ToString();
}
