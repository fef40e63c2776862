using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Platform.Actors.CodeGenerator.Model;

/// <summary>
/// A source location without its syntax tree: a <see cref="Location"/> held in the pipeline's cache would
/// keep every old compilation's trees alive.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
