using Aims.Documents.Contracts;
using MediatR;
using Microsoft.Extensions.Options;

namespace Aims.Documents.Uploading;

/// <summary>Answers from the same settings and type list the upload itself checks, so a page cannot promise other rules.</summary>
internal sealed class GetUploadRulesHandler(IOptions<DocumentOptions> options) : IRequestHandler<GetUploadRules, UploadRules>
{
    public Task<UploadRules> Handle(GetUploadRules request, CancellationToken cancellationToken) =>
        Task.FromResult(new UploadRules(options.Value.MaxFileBytes, ByteSizes.Describe(options.Value.MaxFileBytes), FileTypes.Extensions));
}
