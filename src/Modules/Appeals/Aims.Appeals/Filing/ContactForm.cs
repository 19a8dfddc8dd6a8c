using Aims.Appeals.Model;
using Aims.BuildingBlocks.Validation;
using FluentValidation;

namespace Aims.Appeals.Filing;

/// <summary>The person the Appeals Division contacts about an appeal, asked the same way on every filing form.</summary>
internal interface IContactForm
{
    string? ContactName { get; set; }

    string? ContactPhone { get; set; }

    string? ContactEmail { get; set; }
}

internal sealed class ContactFormValidator : AbstractValidator<IContactForm>
{
    public ContactFormValidator()
    {
        RuleFor(f => f.ContactName).NotEmpty().WithMessage("Enter the name of the person to contact about this appeal.")
            .MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(f => f.ContactPhone).NotEmpty().WithMessage("Enter a phone number for the contact.").UsPhone();
        RuleFor(f => f.ContactEmail).NotEmpty().WithMessage("Enter an email address for the contact.")
            .ValidEmail().WithMessage("Enter an email address like name@example.com.").MaximumLength(254).WithMessage("Enter at most 254 characters.");
    }
}

internal static class ContactForms
{
    public static ContactDetails Details(this IContactForm form) =>
        new(form.ContactName!.Trim(), AimsRules.UsPhoneDigits(form.ContactPhone)!, form.ContactEmail!.Trim());

    /// <summary>A new form starts with the filer as the contact.</summary>
    public static void Prefill(this IContactForm form, Filer filer)
    {
        form.ContactName = filer.Name;
        form.ContactEmail = filer.Email;
    }
}
