using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Registration.Model;
using FluentValidation;

namespace Aims.Registration.Providers;

/// <summary>What a provider's administrator states about it, on creating the profile and on editing it (the NPI is fixed).</summary>
internal sealed class ProviderDetailsForm
{
    public string? Name { get; set; }

    /// <summary>Given when the profile is created; it names the provider and is not edited afterwards.</summary>
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

    public ChoiceField NetworkChoice(string prefix) => new(
        $"{prefix}.InMcoNetwork",
        "Is the provider in a managed care organization (MCO) network?",
        [new Choice("true", "Yes", "Appeals of an MCO's decision then start with the MCO's own appeal."), new Choice("false", "No")],
        InMcoNetwork?.ToString().ToLowerInvariant());

    public static ProviderDetailsForm From(Provider provider) => new()
    {
        Name = provider.Name, Npi = provider.Npi, MedicaidProviderId = provider.MedicaidProviderId, Street = provider.Street, City = provider.City, State = provider.State,
        Zip = provider.Zip, ContactName = provider.ContactName, ContactPhone = provider.ContactPhone, ContactEmail = provider.ContactEmail,
        InMcoNetwork = provider.InMcoNetwork,
    };

    /// <summary>Writes the validated details onto <paramref name="provider"/>, normalized as stored.</summary>
    public void CopyTo(Provider provider)
    {
        provider.Name = Name!.Trim();
        provider.MedicaidProviderId = MedicaidProviderId!.ToUpperInvariant();
        provider.Street = Street!.Trim();
        provider.City = City!.Trim();
        provider.State = State!;
        provider.Zip = Zip!.Trim();
        provider.ContactName = ContactName!.Trim();
        provider.ContactPhone = AimsRules.UsPhoneDigits(ContactPhone)!;
        provider.ContactEmail = ContactEmail!.Trim();
        provider.InMcoNetwork = InMcoNetwork!.Value;
    }
}

internal sealed class ProviderDetailsValidator : AbstractValidator<ProviderDetailsForm>
{
    public ProviderDetailsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the provider's name.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.MedicaidProviderId).NotEmpty().WithMessage("Enter the Virginia Medicaid provider ID.")
            .Matches("^[A-Za-z0-9]{1,15}$").WithMessage("Enter the Medicaid provider ID as issued: letters and digits only, at most 15.");
        RuleFor(c => c.Street).NotEmpty().WithMessage("Enter the street address.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.City).NotEmpty().WithMessage("Enter the city.").MaximumLength(100).WithMessage("Enter at most 100 characters.");
        RuleFor(c => c.State).UsState();
        RuleFor(c => c.Zip).NotEmpty().WithMessage("Enter the ZIP code.").UsZip();
        RuleFor(c => c.ContactName).NotEmpty().WithMessage("Enter the contact person's name.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.ContactPhone).NotEmpty().WithMessage("Enter the contact phone number.").UsPhone();
        RuleFor(c => c.ContactEmail).NotEmpty().WithMessage("Enter the contact email address.")
            .ValidEmail().WithMessage("Enter an email address like name@example.com.");
        RuleFor(c => c.InMcoNetwork).NotNull().WithMessage("Say whether the provider is in a managed care organization's network.");
    }
}
