using System.Collections.Immutable;

namespace Platform.Grains.Games;

public interface IQuestionBank
{
    /// <summary>Adds questions to a category; those whose text is there already are skipped. Returns how many were added.</summary>
    Task<int> ImportAsync(string category, ImmutableArray<NewQuestion> questions, CancellationToken cancellationToken = default);
}
