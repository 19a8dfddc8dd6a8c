using Aims.Identity.Passwords;

namespace Aims.UnitTests.Identity;

/// <summary>The password rules at their boundaries, with the message each failure shows.</summary>
public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = new(new CommonPasswords());

    [Test]
    public void The_shipped_list_holds_at_least_ten_thousand_common_passwords()
    {
        new CommonPasswords().Count.ShouldBeGreaterThanOrEqualTo(10_000);
    }

    [Test]
    public void Twelve_characters_with_each_class_is_accepted_and_eleven_is_not()
    {
        Policy.Check("Quilt7~Harbor", "dana@example.org").ShouldBeEmpty();
        Policy.Check("Qu7~Harbor", "dana@example.org").ShouldBe(["Use at least 12 characters."]);
        Policy.Check("Quil7~Harbor", null).ShouldBeEmpty(); // exactly 12
        Policy.Check("Qui7~Harbor", null).ShouldBe(["Use at least 12 characters."]); // 11
    }

    [TestCase("quilt7~harbor", "Include an upper-case letter.")]
    [TestCase("QUILT7~HARBOR", "Include a lower-case letter.")]
    [TestCase("Quilts~Harbor", "Include a digit.")]
    [TestCase("Quilt7 Harbor", "Include one of these special characters: ~!@$%^&*_+`|\\[]:;'<>.?/")]
    [TestCase("Quilt7#Harbor", "Include one of these special characters: ~!@$%^&*_+`|\\[]:;'<>.?/")] // '#' is not on the seed's list
    public void Each_missing_class_is_named(string password, string message)
    {
        Policy.Check(password, null).ShouldBe([message]);
    }

    [TestCase("Password1234!")]
    [TestCase("Summer2026!!")]
    [TestCase("P@ssw0rd12345!")] // swaps undone: p@ssw0rd → password
    [TestCase("Football!2024")]
    [TestCase("!!Monkey20261")] // leading symbols stripped too
    [TestCase("Qwertyuiop123!")]
    public void Common_and_breached_passwords_are_refused(string password)
    {
        Policy.Check(password, null).ShouldContain("This password is too common or has appeared in data breaches. Choose a different one.");
    }

    [Test]
    public void A_password_containing_the_email_name_is_refused_whatever_its_case()
    {
        Policy.Check("Xk7~Margaret.Hale", "margaret.hale@provider.example").ShouldBe(["Do not use your email address in your password."]);
    }

    [Test]
    public void A_long_passphrase_is_accepted_and_only_absurd_lengths_are_refused()
    {
        var passphrase = "Correct horse battery staple, 7 times over; then again!" + new string('x', 20); // 76 characters
        Policy.Check(passphrase, null).ShouldBeEmpty();
        Policy.Check("Aa1~" + new string('z', 253), null).ShouldBe(["Use at most 256 characters."]);
    }

    [Test]
    public void An_empty_password_asks_for_one()
    {
        Policy.Check("", null).ShouldBe(["Enter a password."]);
    }
}
