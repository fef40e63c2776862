namespace Platform.Actors.Runtime;

/// <summary>
/// The grains whose requests are waiting, one on the next, for a message: innermost first. An immutable
/// list, so extending it for an outgoing call copies nothing.
/// </summary>
internal sealed class CallChain(GrainId grainId, CallChain? caller)
{
    public GrainId GrainId { get; } = grainId;

    public CallChain? Caller { get; } = caller;

    public bool Contains(GrainId grainId)
    {
        for (var link = this; link is not null; link = link.Caller)
        {
            if (link.GrainId == grainId) return true;
        }

        return false;
    }

    /// <summary>The chain from the outermost caller, e.g. <c>a/1 → b/2 → a/1</c>, for error messages.</summary>
    public string Describe(GrainId? next = null)
    {
        var names = new List<string>();
        for (var link = this; link is not null; link = link.Caller) names.Add(link.GrainId.ToString());
        names.Reverse();
        if (next is { } last) names.Add(last.ToString());
        return string.Join(" → ", names);
    }
}
