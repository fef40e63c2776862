using System.Reflection;
using Microsoft.AspNetCore.SignalR;

namespace Platform.Api.Hubs;

/// <summary>The names clients can invoke on <see cref="PlatformHub"/>, compared as SignalR does (ignoring case).</summary>
internal static class HubMethods
{
    private static readonly HashSet<string> Names = typeof(PlatformHub)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(method => !method.IsSpecialName && method.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
        .Select(method => method.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? method.Name)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static bool Exists(string name) => Names.Contains(name);
}
