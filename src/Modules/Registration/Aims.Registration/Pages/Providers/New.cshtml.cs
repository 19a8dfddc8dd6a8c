using System.Security.Claims;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using Aims.Registration.Providers;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Aims.Registration.Pages.Providers;

/// <summary>
/// A provider's profile, created by its first user, who becomes its administrator and invites colleagues. One profile
/// per NPI: a second user of the same provider is invited rather than creating a twin.
/// </summary>
internal sealed record CreateProviderProfile(
    Guid UserId,
    string UserName,
    string UserEmail,
    string? Name,
    string? Npi,
    string? MedicaidProviderId,
    string? Street,
    string? City,
    string? State,
    string? Zip,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    bool? InMcoNetwork) : ICommand<Guid>;

internal sealed class CreateProviderProfileValidator : AbstractValidator<CreateProviderProfile>
{
    public CreateProviderProfileValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the provider's name.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.Npi).NotEmpty().WithMessage("Enter the provider's 10-digit NPI.").Npi();
        RuleFor(c => c.MedicaidProviderId).NotEmpty().WithMessage("Enter the Virginia Medicaid provider ID.")
            .Matches("^[A-Za-z0-9]{1,15}$").WithMessage("Enter the Medicaid provider ID as issued: letters and digits only, at most 15.");
        RuleFor(c => c.Street).NotEmpty().WithMessage("Enter the street address.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.City).NotEmpty().WithMessage("Enter the city.").MaximumLength(100).WithMessage("Enter at most 100 characters.");
        RuleFor(c => c.State).UsState();
        RuleFor(c => c.Zip).NotEmpty().WithMessage("Enter the ZIP code.").UsZip();
        RuleFor(c => c.ContactName).NotEmpty().WithMessage("Enter the contact person's name.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.ContactPhone).NotEmpty().WithMessage("Enter the contact phone number.").UsPhone();
        RuleFor(c => c.ContactEmail).NotEmpty().WithMessage("Enter the contact email address.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.");
        RuleFor(c => c.InMcoNetwork).NotNull().WithMessage("Say whether the provider is in a managed care organization's network.");
    }
}

internal sealed class CreateProviderProfileHandler(RegistrationDbContext db, IMessageBus bus, TimeProvider time) : IRequestHandler<CreateProviderProfile, Guid>
{
    public async Task<Guid> Handle(CreateProviderProfile command, CancellationToken cancellationToken)
    {
        if (await db.Providers.AnyAsync(p => p.Npi == command.Npi, cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(CreateProviderProfile.Npi),
                "A provider with this NPI already has a profile. Ask its administrator to invite you.")]);
        }

        var now = time.GetUtcNow();
        var provider = new Provider
        {
            Id = Guid.CreateVersion7(now),
            Name = command.Name!.Trim(),
            Npi = command.Npi!,
            MedicaidProviderId = command.MedicaidProviderId!.ToUpperInvariant(),
            Street = command.Street!.Trim(),
            City = command.City!.Trim(),
            State = command.State!,
            Zip = command.Zip!.Trim(),
            ContactName = command.ContactName!.Trim(),
            ContactPhone = AimsRules.UsPhoneDigits(command.ContactPhone)!,
            ContactEmail = command.ContactEmail!.Trim(),
            InMcoNetwork = command.InMcoNetwork!.Value,
            CreatedAt = now,
        };
        db.Providers.Add(provider);
        db.ProviderMembers.Add(new ProviderMember
        {
            ProviderId = provider.Id, UserId = command.UserId, Name = command.UserName, Email = command.UserEmail, IsAdministrator = true, JoinedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await bus.PublishAsync(new ProviderProfileCreated(provider.Id, provider.Npi, provider.Name, provider.InMcoNetwork, command.UserId), cancellationToken);
        await bus.PublishAsync(new ProviderMemberAdded(provider.Id, command.UserId, IsAdministrator: true), cancellationToken);
        return provider.Id;
    }
}

[Authorize(Policy = nameof(Permission.FileProviderAppeals))]
internal sealed class NewModel(IMediator mediator, ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    public ProviderForm Form { get; set; } = new();

    public bool Failed { get; private set; }

    public ChoiceField NetworkChoice => new(
        "Form.InMcoNetwork",
        "Is the provider in a managed care organization (MCO) network?",
        [new Choice("true", "Yes", "Appeals of an MCO's decision then start with the MCO's own appeal."), new Choice("false", "No")],
        Form.InMcoNetwork?.ToString().ToLowerInvariant());

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (id, failed) = await mediator.SendFormAsync(
            new CreateProviderProfile(
                Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), User.FindFirstValue(AimsClaimTypes.DisplayName) ?? User.Identity!.Name!, User.FindFirstValue(ClaimTypes.Email)!,
                Form.Name, Form.Npi, Form.MedicaidProviderId, Form.Street, Form.City, Form.State, Form.Zip, Form.ContactName, Form.ContactPhone, Form.ContactEmail, Form.InMcoNetwork),
            ModelState, nameof(Form), logger, cancellationToken);
        Failed = failed;
        if (id == Guid.Empty)
        {
            return Page();
        }

        TempData["Notice"] = "Provider profile created. You administer it: invite your colleagues below.";
        return RedirectToPage("/Providers/Provider", new { id });
    }

    internal sealed class ProviderForm
    {
        public string? Name { get; set; }

        public string? Npi { get; set; }

        public string? MedicaidProviderId { get; set; }

        public string? Street { get; set; }

        public string? City { get; set; }

        public string? State { get; set; }

        public string? Zip { get; set; }

        public string? ContactName { get; set; }

        public string? ContactPhone { get; set; }

        public string? ContactEmail { get; set; }

        public bool? InMcoNetwork { get; set; }
    }
}
