using Microsoft.AspNetCore.Mvc;

namespace Aims.Documents.Uploading;

/// <summary>
/// Why an upload was refused, with the HTTP status it deserves (400, 404, 413, 415). Nothing of the upload is kept.
/// </summary>
internal sealed class UploadRefusedException(int status, string message, string? field = null) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>The form field the message is about, for the problem's errors.</summary>
    public string? Field { get; } = field;

    public ProblemDetails ToProblem()
    {
        var problem = new ProblemDetails { Status = Status, Title = "The upload was refused.", Detail = Message };
        if (Field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [Field] = [Message] };
        }

        return problem;
    }
}
