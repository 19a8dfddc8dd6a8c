namespace Aims.BuildingBlocks.Validation;

/// <summary>
/// National Provider Identifier: 10 digits whose last is a Luhn check digit computed over the prefix 80840 followed by
/// the first nine digits (CMS, "Requirements for NPI Check Digit").
/// </summary>
public static class Npi
{
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 10 } || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var payload = "80840" + value[..9];
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            // Luhn doubles every second digit counting leftwards from the digit next to the check digit.
            var digit = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        var check = (10 - sum % 10) % 10;
        return value[9] - '0' == check;
    }
}
