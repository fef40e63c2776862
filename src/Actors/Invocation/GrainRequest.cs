using Platform.Actors.Runtime;

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

    /// <summary>Replaces every argument that is not immutable with a deep copy, so caller and callee share nothing mutable.</summary>
    public abstract void CopyArguments();

    /// <summary>
    /// Runs the method on <paramref name="target"/> and answers <paramref name="message"/>'s caller.
    /// Returns the exception the method threw, if any, so the runtime can react to it.
    /// </summary>
    internal abstract ValueTask<Exception?> InvokeAndRespondAsync(object target, Message message);

    internal abstract void RespondWithException(Message message, Exception exception);

    public override string ToString() => Method.ToString();
}
