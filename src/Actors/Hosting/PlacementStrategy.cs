namespace Platform.Actors.Hosting;

/// <summary>Where a grain without an activation is activated (Orleans' names).</summary>
public enum PlacementStrategy
{
    /// <summary>A random active silo: load spreads evenly over the cluster (Orleans' classic default).</summary>
    Random,

    /// <summary>The calling silo when it is active (fewest hops for grains called mostly from one place); otherwise random.</summary>
    PreferLocal,
}
