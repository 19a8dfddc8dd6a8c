using System.Globalization;
using Aims.BuildingBlocks.Validation;
using Sylvan.Data.Csv;

namespace Aims.Registration.Claims;

/// <summary>
/// Reads an imported roster (CSV with a header line) in full before anything is stored: every bad line is named with
/// what is wrong with it, and one bad line stops the whole import (ADR 0029).
/// </summary>
internal static class RosterFiles
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public static readonly string[] MemberColumns = ["medicaid_id", "full_name", "date_of_birth"];

    public static readonly string[] ProviderColumns = ["npi", "name", "contact_email"];

    public static (List<MemberRosterEntry> Rows, List<string> Errors) Members(TextReader text, DateOnly today, DateTimeOffset now) =>
        Read(text, MemberColumns, (fields, errors) =>
        {
            var (id, name, born) = (fields[0], fields[1], AimsRules.ParseDate(fields[2]));
            if (!(id.Length == 12 && id.All(char.IsAsciiDigit)))
            {
                errors.Add("the Medicaid ID must be 12 digits");
            }

            if (name.Length is 0 or > 200)
            {
                errors.Add("the full name must be 1 to 200 characters");
            }

            if (born is null || born > today)
            {
                errors.Add("the date of birth must be a past date like 1961-04-27 or 04/27/1961");
            }

            return (id, errors.Count == 0 ? new MemberRosterEntry { MedicaidId = id, FullName = name, DateOfBirth = born!.Value, ImportedAt = now } : null);
        });

    public static (List<ProviderRosterEntry> Rows, List<string> Errors) Providers(TextReader text, DateTimeOffset now) =>
        Read(text, ProviderColumns, (fields, errors) =>
        {
            var (npi, name, email) = (fields[0], fields[1], fields[2]);
            if (!Npi.IsValid(npi))
            {
                errors.Add("the NPI must be 10 digits with a valid check digit");
            }

            if (name.Length is 0 or > 200)
            {
                errors.Add("the name must be 1 to 200 characters");
            }

            if (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email)
            {
                errors.Add("the contact email must be an address like name@example.com");
            }

            return (npi, errors.Count == 0 ? new ProviderRosterEntry { Npi = npi, Name = name, ContactEmail = email, ImportedAt = now } : null);
        });

    private static (List<T> Rows, List<string> Errors) Read<T>(TextReader text, string[] columns, Func<string[], List<string>, (string Key, T? Row)> parse)
        where T : class
    {
        var rows = new List<T>();
        var errors = new List<string>();
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().ToLowerInvariant()).ToList();
        if (!header.SequenceEqual(columns))
        {
            errors.Add($"Line 1: the header must be exactly {string.Join(",", columns)}.");
            return (rows, errors);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var line = 1;
        while (csv.Read())
        {
            line++;
            if (csv.RowFieldCount != columns.Length)
            {
                errors.Add($"Line {line.ToString(CultureInfo.InvariantCulture)}: expected {columns.Length} values, found {csv.RowFieldCount}.");
                continue;
            }

            var fields = Enumerable.Range(0, columns.Length).Select(i => csv.GetString(i).Trim()).ToArray();
            var problems = new List<string>();
            var (key, row) = parse(fields, problems);
            if (row is not null && !seen.TryAdd(key, line))
            {
                problems.Add($"{key} is already on line {seen[key]}");
            }

            if (problems.Count > 0)
            {
                errors.Add($"Line {line.ToString(CultureInfo.InvariantCulture)}: {string.Join("; ", problems)}.");
            }
            else
            {
                rows.Add(row!);
            }
        }

        if (line == 1)
        {
            errors.Add("The file has a header but no rows.");
        }

        return (rows, errors);
    }
}
