using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Platform.Actors.CodeGenerator.Model;

namespace Platform.Actors.CodeGenerator;

/// <summary>
/// Generates, for every grain and observer interface of the compilation, a request class per method, a
/// proxy, and a module initializer registering both with the runtime, so calls need no reflection.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainInterfaceGenerator : IIncrementalGenerator
{
    /// <summary>Names the pipeline step whose caching tests observe.</summary>
    public const string TrackingName = "GrainInterfaces";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (syntax, cancellationToken) => Parse(syntax, cancellationToken))
            .Where(static result => result is not null)
            .WithTrackingName(TrackingName);

        context.RegisterSourceOutput(interfaces, static (output, result) =>
        {
            foreach (var diagnostic in result!.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (result.Model is { } model)
            {
                output.AddSource(model.HintName, SourceEmitter.Write(model));
            }
        });
    }

    private static InterfaceResult? Parse(GeneratorSyntaxContext syntax, System.Threading.CancellationToken cancellationToken)
    {
        var declaration = (InterfaceDeclarationSyntax)syntax.Node;
        if (syntax.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type) return null;

        // A partial interface has several declarations; only its first one speaks for it.
        var first = type.DeclaringSyntaxReferences[0];
        if (first.SyntaxTree != declaration.SyntaxTree || first.Span != declaration.Span) return null;

        return GrainInterfaceParser.Parse(type, cancellationToken);
    }
}
