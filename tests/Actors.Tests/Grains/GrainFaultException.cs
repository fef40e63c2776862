namespace Platform.Actors.Tests.Grains;

public sealed class GrainFaultException(string message) : Exception(message);
