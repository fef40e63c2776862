namespace Platform.Grains;

/// <summary>Names this assembly, for registering its grain classes with a silo.</summary>
public static class GrainsAssembly;
