namespace Platform.Actors;

/// <summary>Marks a grain interface. Use one of the key-typed interfaces below it.</summary>
public interface IGrain : IAddressable;
