using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Contracts;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace Aims.Appeals.Cases;

/// <summary>
/// Intake assigns (or reassigns) the case worker, and the hearing officer or informal appeals agent who will decide.
/// The assignee must hold the role now; the last assignment of a role stands and the history keeps each one.
/// </summary>
internal sealed record AssignCase(Filer By, Guid AppealId, long? SeenVersion, CaseRole? Role, Guid? AssigneeId, string? Reason) : ICommand<string>;

internal sealed class AssignCaseValidator : AbstractValidator<AssignCase>
{
    public AssignCaseValidator()
    {
        RuleFor(c => c.Role).NotNull().WithMessage("Choose the role to assign.").IsInEnum().WithMessage("Choose one of the listed roles.");
        RuleFor(c => c.AssigneeId).NotNull().WithMessage("Choose who to assign.");
        RuleFor(c => c.Reason).MaximumLength(2000).WithMessage("Enter at most 2,000 characters.");
    }
}

internal sealed class AssignCaseHandler(CaseWork work, IMediator mediator) : IRequestHandler<AssignCase, string>
{
    public async Task<string> Handle(AssignCase command, CancellationToken cancellationToken)
    {
        var role = command.Role!.Value;
        var people = await mediator.Send(new GetPeopleWith(CaseStaff.PermissionFor(role)), cancellationToken);
        var assignee = people.FirstOrDefault(p => p.UserId == command.AssigneeId)
            ?? throw new ValidationException([new ValidationFailure(nameof(AssignCase.AssigneeId), $"Choose a {AppealLabels.Role(role).ToLowerInvariant()} from the list.")]);
        var appeal = await work.LoadAsync(command.AppealId, command.SeenVersion, cancellationToken);
        var assigned = appeal.Assign(role, new Person(assignee.UserId, assignee.Name), command.By.Person, command.Reason);
        await work.AppendAsync(appeal, assigned, cancellationToken);
        return $"{assignee.Name} is the {AppealLabels.Role(role).ToLowerInvariant()} on {appeal.CaseNumber}.";
    }
}

/// <summary>Which staff may fill each case role: the permission the role's work needs.</summary>
internal static class CaseStaff
{
    public static Permission PermissionFor(CaseRole role) => role switch
    {
        CaseRole.CaseWorker => Permission.WorkIntakeQueue,
        CaseRole.HearingOfficer => Permission.IssueHearingDecisions,
        _ => Permission.IssueInformalDecisions,
    };
}
