namespace Platform.Actors.Transport;

/// <summary>How a request ended, in a response frame.</summary>
internal enum ResponseStatus : byte
{
    /// <summary>The result follows, as JSON of the method's result type.</summary>
    Ok = 0,

    /// <summary>The grain threw: the exception's type name and message follow.</summary>
    Exception = 1,

    /// <summary>The request was addressed to another generation of the silo and did not run; the caller may route it again.</summary>
    Rejected = 2,
}
