namespace Platform.Actors;

/// <summary>Anything that can be addressed by the runtime: grains and grain observers.</summary>
public interface IAddressable;
