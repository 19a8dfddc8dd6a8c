using Aims.Registration.Model;
using FluentValidation;

namespace Aims.UnitTests.Registration;

/// <summary>Registration's address forms take a USPS code: the states, DC and the territories, upper case.</summary>
public sealed class UsStateRuleTests
{
    [TestCase("VA", true)]
    [TestCase("DC", true)]
    [TestCase("PR", true)]
    [TestCase("va", false)]
    [TestCase("XX", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void States(string? value, bool valid)
    {
        var errors = new AddressValidator().Validate(new Address(value)).Errors;

        (errors.Count == 0).ShouldBe(valid);
        if (!valid)
        {
            errors.Single().ErrorMessage.ShouldBe("Choose a state.");
        }
    }

    private sealed record Address(string? State);

    private sealed class AddressValidator : AbstractValidator<Address>
    {
        public AddressValidator() => RuleFor(a => a.State).UsState();
    }
}
