using Aims.BuildingBlocks.Validation;

namespace Aims.UnitTests.Validation;

/// <summary>Issue 21's rubbish that was stored, refused by the shared rules: worked examples for each boundary.</summary>
public sealed class PlausibleValuesTests
{
    [TestCase("lee.park@clinic.example", true)]
    [TestCase("o'brien+appeals@dmas.virginia.gov", true)]
    [TestCase("josé.núñez@clínica.example", true)] // Spanish names: letters beyond ASCII are allowed
    [TestCase("name@xn--clnica-rva.example", true)]
    [TestCase("<img_src=x_onerror=alert(1)>@sec.example", false)]
    [TestCase("\"quoted local\"@clinic.example", false)]
    [TestCase("two@@clinic.example", false)]
    [TestCase("dot.@clinic.example", false)]
    [TestCase("name@localhost", false)]
    [TestCase("name@clinic..example", false)]
    [TestCase("name@-clinic.example", false)]
    [TestCase("name@clinic.example>", false)]
    [TestCase("nobody", false)]
    public void Email_addresses(string value, bool valid) => AimsRules.IsEmailAddress(value).ShouldBe(valid);

    [Test]
    public void An_email_address_may_have_at_most_64_characters_before_the_at_and_254_in_all()
    {
        AimsRules.IsEmailAddress(new string('a', 64) + "@clinic.example").ShouldBeTrue();
        AimsRules.IsEmailAddress(new string('a', 65) + "@clinic.example").ShouldBeFalse();
        AimsRules.IsEmailAddress("a@" + string.Join('.', Enumerable.Repeat(new string('b', 50), 5)) + ".example").ShouldBeFalse(); // 264 characters
    }

    [TestCase("01/01/1900", "1900-01-01")]
    [TestCase("12/31/2099", "2099-12-31")]
    [TestCase("2026-11-10", "2026-11-10")]
    [TestCase("12/31/1899", null)]
    [TestCase("01/01/0001", null)]
    [TestCase("0001-01-01", null)]
    [TestCase("01/01/2100", null)]
    [TestCase("12/31/9999", null)]
    public void Dates_are_read_only_between_1900_and_2099(string typed, string? read) =>
        AimsRules.ParseDate(typed).ShouldBe(read is null ? null : DateOnly.Parse(read, System.Globalization.CultureInfo.InvariantCulture));

    [TestCase("1250.00", "1250.00")]
    [TestCase("$1,250", "1250")]
    [TestCase("0", "0")]
    [TestCase("999,999,999.99", "999999999.99")]
    [TestCase("1,000,000,000.00", null)]
    [TestCase("79,228,162,514,264,337,593,543,950,335", null)] // decimal.MaxValue, once stored
    [TestCase("-5.00", null)]
    [TestCase("12.345", null)]
    public void Dollar_amounts_are_read_only_up_to_999_999_999_99(string typed, string? read) =>
        AimsRules.ParseDollars(typed).ShouldBe(read is null ? null : decimal.Parse(read, System.Globalization.CultureInfo.InvariantCulture));

    [TestCase("Maria López", null)]
    [TestCase("Line one\r\nLine two\twith a tab", null)]
    [TestCase("Lee\u0000Park", TextCharacters.ControlMessage)]
    [TestCase("bell\u0007", TextCharacters.ControlMessage)]
    [TestCase("emoji 🙂 whole", null)]
    [TestCase("Lee \u202EkraP", TextCharacters.BidiMessage)] // right-to-left override: shows "Lee Park"
    [TestCase("\u2066isolate\u2069", TextCharacters.BidiMessage)]
    [TestCase("mark\u200F", TextCharacters.BidiMessage)]
    public void Text_may_not_carry_control_characters_or_direction_overrides(string value, string? problem) =>
        TextCharacters.Problem(value).ShouldBe(problem);

    [Test]
    public void Half_a_surrogate_pair_is_refused_and_a_whole_one_is_not()
    {
        TextCharacters.Problem("broken " + (char)0xD800 + " half").ShouldBe(TextCharacters.ControlMessage);
        TextCharacters.Problem("reversed " + (char)0xDE42 + (char)0xD83D).ShouldBe(TextCharacters.ControlMessage);
        TextCharacters.Problem("whole " + (char)0xD83D + (char)0xDE42).ShouldBeNull();
    }

    [Test]
    public void Every_string_of_a_request_is_checked_and_named_as_fluent_validation_names_it()
    {
        var request = new Request("fine", new Nested { Items = [new Item { Text = "ok" }, new Item { Text = "bad\u0000" }] });

        var failures = TextCharacters.Check(request);

        failures.Select(f => f.PropertyName).ShouldBe(["Form.Items[1].Text"]);
    }

    private sealed record Request(string Name, Nested Form);

    private sealed class Nested
    {
        public List<Item> Items { get; set; } = [];

        public IEnumerable<Item> Computed => Items; // read-only: not what was sent, so not checked twice
    }

    private sealed class Item
    {
        public string? Text { get; set; }
    }
}
