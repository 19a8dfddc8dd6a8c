using Aims.BuildingBlocks.Validation;
using FluentValidation;

namespace Aims.UnitTests.Validation;

/// <summary>The shared field rules, with the values a user would type.</summary>
public sealed class AimsRulesTests
{
    [TestCase("1234567893", true)] // CMS's worked example: Luhn over 80840123456789 gives check digit 3
    [TestCase("1234567890", false)]
    [TestCase("1245319599", true)]
    [TestCase("123456789", false)]
    [TestCase("12345678931", false)]
    [TestCase("12345678a3", false)]
    [TestCase("", false)]
    public void Npi_check_digit(string value, bool valid) => Npi.IsValid(value).ShouldBe(valid);

    [TestCase("23219", true)]
    [TestCase("23219-1234", true)]
    [TestCase("2321", false)]
    [TestCase("232191234", false)]
    [TestCase("23219-12", false)]
    public void Zip_codes(string value, bool valid) => Validate(new Form { Zip = value }, nameof(Form.Zip)).ShouldBe(valid);

    [TestCase("804-486-2865", "8044862865")]
    [TestCase("(804) 486-2865", "8044862865")]
    [TestCase("+1 804 486 2865", "8044862865")]
    [TestCase("804.371.8488", "8043718488")]
    [TestCase("486-2865", null)]
    [TestCase("104-486-2865", null)]
    [TestCase("804-086-2865", null)]
    [TestCase("804-486-2865 ext 3", null)]
    public void Phone_numbers(string value, string? digits) => AimsRules.UsPhoneDigits(value).ShouldBe(digits);

    [TestCase("123456789012", true)]
    [TestCase("12345678901", false)]
    [TestCase("1234567890123", false)]
    [TestCase("12345678901A", false)]
    public void Medicaid_ids(string value, bool valid) => Validate(new Form { MedicaidId = value }, nameof(Form.MedicaidId)).ShouldBe(valid);

    [Test]
    public void Messages_name_what_to_enter()
    {
        var result = new FormValidator().Validate(new Form { Npi = "1234567890", Zip = "1", Phone = "12" });

        result.Errors.Single(e => e.PropertyName == nameof(Form.Npi)).ErrorMessage.ShouldContain("check digit");
        result.Errors.Single(e => e.PropertyName == nameof(Form.Zip)).ErrorMessage.ShouldContain("5-digit ZIP");
        result.Errors.Single(e => e.PropertyName == nameof(Form.Phone)).ErrorMessage.ShouldContain("10-digit US phone");
    }

    private static bool Validate(Form form, string property) =>
        new FormValidator().Validate(form).Errors.All(e => e.PropertyName != property);

    private sealed class Form
    {
        public string? Npi { get; init; } = "1234567893";

        public string? Zip { get; init; } = "23219";

        public string? Phone { get; init; } = "804-486-2865";

        public string? MedicaidId { get; init; } = "123456789012";
    }

    private sealed class FormValidator : AbstractValidator<Form>
    {
        public FormValidator()
        {
            RuleFor(f => f.Npi).Npi();
            RuleFor(f => f.Zip).UsZip();
            RuleFor(f => f.Phone).UsPhone();
            RuleFor(f => f.MedicaidId).MedicaidId();
        }
    }
}
