using MediatR;

namespace Aims.Documents.Contracts;

/// <summary>The rules every upload is held to, for a page that states or follows them (the practice space).</summary>
public sealed record GetUploadRules : IRequest<UploadRules>;

/// <param name="MaxFileBytes">The largest file accepted (<c>Aims:Documents:MaxFileBytes</c>).</param>
/// <param name="MaxFileSize">The same, as a page says it ("50 MB").</param>
/// <param name="AllowedExtensions">The extensions of the accepted types (".pdf", ".jpg", …), the same in every language.</param>
public sealed record UploadRules(long MaxFileBytes, string MaxFileSize, IReadOnlyList<string> AllowedExtensions)
{
    public bool Allows(string fileName) => AllowedExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);
}
