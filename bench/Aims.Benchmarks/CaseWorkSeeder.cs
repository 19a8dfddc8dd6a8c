using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Aims.Benchmarks;

/// <summary>
/// Five years of a division's appeals, written with binary COPY straight into the list rows
/// (appeals.appeal_summaries) that the staff intake queue, deadline dashboard and search read. No events are written:
/// those pages never read the event streams, and replaying a million appeals through the pipeline would take hours.
/// Rows go in filing order, as the projection writes them, so the table's physical order follows filed_on.
/// </summary>
internal static class CaseWorkSeeder
{
    private const int Staff = 50;
    private const int CaseWorkers = 30;
    private const int Agencies = 30;
    private const int ClientAgencies = 22;
    private const int Providers = 5_000;
    private const int Filers = 20_000;

    private static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan",
        "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Margaret",
        "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol",
        "Kevin", "Amanda", "Brian", "Dorothy", "George", "Melissa", "Timothy", "Deborah", "Ronald", "Stephanie", "Edward", "Rebecca", "Jason", "Sharon",
        "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob", "Kathleen", "Gary", "Amy", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Anna",
        "Stephen", "Brenda", "Larry", "Pamela", "Justin", "Emma", "Scott", "Nicole", "Brandon", "Helen", "Benjamin", "Samantha", "Samuel", "Katherine",
        "Gregory", "Christine", "Alexander", "Debra", "Frank", "Rachel", "Patrick", "Carolyn", "Raymond", "Janet", "Jack", "Catherine", "Dennis", "Maria",
        "Jerry", "Heather", "Tyler", "Diane", "Aaron", "Ruth", "Jose", "Julie", "Adam", "Olivia", "Nathan", "Joyce", "Henry", "Virginia", "Zachary",
        "Victoria", "Douglas", "Kelly", "Peter", "Lauren", "Kyle", "Christina", "Noah", "Joan", "Ethan", "Evelyn", "Jeremy", "Judith", "Walter", "Megan",
        "Christian", "Andrea", "Keith", "Cheryl", "Roger", "Hannah", "Terry", "Jacqueline", "Austin", "Martha", "Sean", "Gloria", "Gerald", "Teresa",
        "Carl", "Ann", "Harold", "Sara", "Dylan", "Madison", "Arthur", "Frances", "Lawrence", "Kathryn", "Jordan", "Janice", "Jesse", "Jean", "Bryan",
        "Abigail", "Billy", "Alice", "Bruce", "Judy", "Gabriel", "Sophia", "Joe", "Grace", "Logan", "Denise", "Alan", "Amber", "Juan", "Doris",
        "Wayne", "Marilyn", "Elijah", "Danielle", "Randy", "Beverly", "Roy", "Isabella", "Vincent", "Theresa", "Ralph", "Diana", "Eugene", "Natalie",
        "Russell", "Brittany", "Bobby", "Charlotte", "Mason", "Marie", "Philip", "Kayla", "Louis", "Alexis", "Luis", "Lori", "Ahmed", "Mei", "Nguyen",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez",
        "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
        "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
        "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker",
        "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
        "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James",
        "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster",
        "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher",
        "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West",
        "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens",
        "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman",
        "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt",
        "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice",
        "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley",
    ];

    private static readonly string[] Places =
    [
        "Richmond", "Norfolk", "Roanoke", "Fairfax", "Arlington", "Alexandria", "Lynchburg", "Charlottesville", "Danville", "Hampton", "Suffolk",
        "Chesapeake", "Blacksburg", "Harrisonburg", "Winchester", "Fredericksburg", "Petersburg", "Bristol", "Staunton", "Williamsburg", "Martinsville",
        "Leesburg", "Manassas", "Culpeper", "Abingdon", "Emporia", "Farmville", "Tappahannock", "Wytheville", "Galax",
    ];

    private static readonly string[] ProviderKinds =
    [
        "Family Practice", "Home Health", "Pediatrics", "Nursing and Rehabilitation Center", "Dental Group", "Behavioral Health", "Pharmacy",
        "Medical Transport", "Hospice", "Orthopedics", "Adult Day Care", "Therapy Services",
    ];

    private static readonly string[] ProviderActions = ["Overpayment", "ClaimDenial", "RateAdjustment", "CostSettlement", "ServiceAuthorization", "Enrollment", "Other"];

    private static readonly string[] ClientActions = ["ApplicationDenied", "BenefitsReduced", "ServicesDenied", "NoPromptAction", "EstateRecovery", "PaymentRecovery"];

    private static readonly string[] NoFlags = [];

    private static readonly string[] Late = ["FiledLate"];

    private static readonly string[] McoNotExhausted = ["McoAppealNotExhausted"];

    private const string Columns =
        "id, case_number, kind, status, appellant_name, action_type, provider_id, agency_id, medicaid_id, filed_by, filed_on, timely, expedited, closed, " +
        "next_deadline, next_deadline_what, next_step, npi, agency_name, flags, case_worker_id, case_worker_name, decider_id, decider_name, hearing_at, " +
        "summary_due, summary_filed_on, clock_due, clock_name, version, updated_at";

    /// <summary>Writes <paramref name="count"/> appeals filed over the five years up to <paramref name="today"/>.</summary>
    public static async Task<CaseWorkSample> SeedAsync(string connectionString, DateOnly today, int count)
    {
        var random = new Random(20261123);
        var staff = Enumerable.Range(0, Staff).Select(i => (Id: Id(random), Name: $"{FirstNames[(i * 7) % FirstNames.Length]} {LastNames[(i * 13 + 5) % LastNames.Length]}")).ToArray();
        var agencies = Enumerable.Range(0, Agencies).Select(i => (Id: Id(random), Name: AgencyName(i))).ToArray();
        var providers = Enumerable.Range(0, Providers).Select(i => (Id: Id(random), Name: ProviderName(random), Npi: (1_000_000_000L + (i * 104_729L)).ToString(CultureInfo.InvariantCulture))).ToArray();
        var filers = Enumerable.Range(0, Filers).Select(_ => Id(random)).ToArray();
        var start = today.AddYears(-5);
        var days = today.DayNumber - start.DayNumber;
        long clientNumbers = 0, informalNumbers = 0, formalNumbers = 0;
        string? sampleCaseNumber = null;

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY appeals.appeal_summaries ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var filedOn = start.AddDays((int)((long)i * days / count));
                var age = today.DayNumber - filedOn.DayNumber;
                var pick = random.NextDouble();
                var kind = pick < 0.6 ? "Client" : pick < 0.9 ? "ProviderInformal" : "ProviderFormal";
                var (prefix, number) = kind switch
                {
                    "Client" => ("CL", ++clientNumbers),
                    "ProviderInformal" => ("PI", ++informalNumbers),
                    _ => ("PF", ++formalNumbers),
                };
                var caseNumber = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{filedOn.Year}-{number:D6}");
                if (i == count * 7 / 10)
                {
                    sampleCaseNumber = caseNumber;
                }

                var status = Status(random, age, kind);
                var closed = status is "Decided" or "Withdrawn" or "Dismissed";
                var client = kind == "Client";
                var expedited = client && random.NextDouble() < 0.02;
                var timely = random.NextDouble() >= 0.03;
                var flags = !timely ? Late : client && status == "Filed" && random.NextDouble() < 0.05 ? McoNotExhausted : NoFlags;
                var agency = client ? agencies[Skewed(random, ClientAgencies)] : agencies[ClientAgencies + Skewed(random, Agencies - ClientAgencies)];
                var provider = client ? default : providers[Skewed(random, Providers)];

                var worked = status is not ("Filed" or "Withdrawn" or "Dismissed") || (status != "Filed" && random.NextDouble() < 0.5);
                var caseWorker = worked ? staff[random.Next(CaseWorkers)] : default;
                var decided = status is "Scheduled" or "RecommendedDecision" or "Decided" || (status == "Docketed" && random.NextDouble() < 0.5);
                var decider = decided ? staff[CaseWorkers + random.Next(Staff - CaseWorkers)] : default;

                var heard = status is "Scheduled" or "RecommendedDecision" or "Decided";
                var hearingDay = filedOn.AddDays(45 + random.Next(60));
                DateTimeOffset? hearingAt = heard
                    ? new DateTimeOffset(hearingDay.ToDateTime(new TimeOnly(13 + random.Next(6), random.Next(2) * 30)), TimeSpan.Zero)
                    : null;
                DateOnly? summaryDue = heard && kind != "ProviderInformal" ? hearingDay.AddDays(-7) : null;
                DateOnly? summaryFiledOn = summaryDue is { } due && (closed || (due < today ? random.NextDouble() < 0.97 : random.NextDouble() < 0.3))
                    ? due.AddDays(-random.Next(6))
                    : null;

                var (clockDue, clockName) = closed ? (null, null) : Clock(kind, status, filedOn, expedited);
                var summaryAwaited = !closed && summaryDue is not null && summaryFiledOn is null;
                var nextDeadline = closed ? null : summaryAwaited ? summaryDue : clockDue;
                var nextWhat = closed ? null : summaryAwaited ? "CaseSummary" : clockName == "ClientDecision" ? "Decision" : clockName!.StartsWith("Expedited", StringComparison.Ordinal) ? "ExpeditedDecision" : clockName;

                await writer.StartRowAsync();
                await writer.WriteAsync(Id(random), NpgsqlDbType.Uuid);
                await writer.WriteAsync(caseNumber, NpgsqlDbType.Text);
                await writer.WriteAsync(kind, NpgsqlDbType.Text);
                await writer.WriteAsync(status, NpgsqlDbType.Text);
                await writer.WriteAsync(client ? $"{FirstNames[Skewed(random, FirstNames.Length)]} {LastNames[Skewed(random, LastNames.Length)]}" : provider.Name, NpgsqlDbType.Text);
                await writer.WriteAsync(client ? ClientActions[random.Next(ClientActions.Length)] : ProviderActions[random.Next(ProviderActions.Length)], NpgsqlDbType.Text);
                await WriteAsync(writer, client ? null : (Guid?)provider.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(agency.Id, NpgsqlDbType.Uuid);
                await WriteAsync(writer, client ? (100_000_000_000L + random.NextInt64(900_000_000_000L)).ToString(CultureInfo.InvariantCulture) : null, NpgsqlDbType.Text);
                await writer.WriteAsync(filers[random.Next(Filers)], NpgsqlDbType.Uuid);
                await writer.WriteAsync(filedOn, NpgsqlDbType.Date);
                await writer.WriteAsync(timely, NpgsqlDbType.Boolean);
                await writer.WriteAsync(expedited, NpgsqlDbType.Boolean);
                await writer.WriteAsync(closed, NpgsqlDbType.Boolean);
                await WriteAsync(writer, nextDeadline, NpgsqlDbType.Date);
                await WriteAsync(writer, nextWhat, NpgsqlDbType.Text);
                await WriteAsync(writer, closed ? null : NextStep(status), NpgsqlDbType.Text);
                await WriteAsync(writer, client ? null : provider.Npi, NpgsqlDbType.Text);
                await writer.WriteAsync(agency.Name, NpgsqlDbType.Text);
                await writer.WriteAsync(flags, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await WriteAsync(writer, worked ? (Guid?)caseWorker.Id : null, NpgsqlDbType.Uuid);
                await WriteAsync(writer, worked ? caseWorker.Name : null, NpgsqlDbType.Text);
                await WriteAsync(writer, decided ? (Guid?)decider.Id : null, NpgsqlDbType.Uuid);
                await WriteAsync(writer, decided ? decider.Name : null, NpgsqlDbType.Text);
                await WriteAsync(writer, hearingAt, NpgsqlDbType.TimestampTz);
                await WriteAsync(writer, summaryDue, NpgsqlDbType.Date);
                await WriteAsync(writer, summaryFiledOn, NpgsqlDbType.Date);
                await WriteAsync(writer, clockDue, NpgsqlDbType.Date);
                await WriteAsync(writer, clockName, NpgsqlDbType.Text);
                await writer.WriteAsync((long)Version(status), NpgsqlDbType.Bigint);
                await writer.WriteAsync(new DateTimeOffset(filedOn.AddDays(Math.Min(age, 30 + random.Next(200))).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        // Filings made after the seed continue each kind's sequence rather than reusing a seeded number.
        await new NpgsqlCommand(
            $"SELECT setval('appeals.case_numbers_cl', {clientNumbers}), setval('appeals.case_numbers_pi', {informalNumbers}), setval('appeals.case_numbers_pf', {formalNumbers})",
            connection).ExecuteNonQueryAsync();
        return new CaseWorkSample(sampleCaseNumber!, agencies[3].Id, staff[2].Id, today);
    }

    /// <summary>
    /// Most appeals are long closed. A filing waits a few weeks for intake (about 2 % of all), is then docketed and
    /// heard, and is decided as its decision clock (90, 120 or 180 days) nears; a few stay open past it (overdue).
    /// </summary>
    private static string Status(Random random, int age, string kind)
    {
        var r = random.NextDouble();
        if (age < 40)
        {
            return r < 0.9 ? "Filed" : r < 0.95 ? "Withdrawn" : "Dismissed";
        }

        var clock = kind switch { "Client" => 90, "ProviderFormal" => 120, _ => 180 };
        var open = age < clock ? 1 - (0.6 * (age - 40) / (clock - 40)) : age < 365 ? 0.015 : 0.003;
        if (r < open)
        {
            var step = random.NextDouble();
            return kind == "ProviderFormal" && step < 0.1 ? "RecommendedDecision" : step < 0.5 ? "Docketed" : "Scheduled";
        }

        return r < 0.9 ? "Decided" : r < 0.96 ? "Withdrawn" : "Dismissed";
    }

    private static (DateOnly?, string?) Clock(string kind, string status, DateOnly filedOn, bool expedited) => kind switch
    {
        "ProviderInformal" => (filedOn.AddDays(180), "InformalDecision"),
        "ProviderFormal" when status == "RecommendedDecision" => (filedOn.AddDays(170), "FinalDecision"),
        "ProviderFormal" => (filedOn.AddDays(120), "RecommendedDecision"),
        _ when expedited => (filedOn.AddDays(9), "ExpeditedEligibility"),
        _ => (filedOn.AddDays(90), "ClientDecision"),
    };

    private static string NextStep(string status) => status switch
    {
        "Filed" => "DocketThenHearing",
        "Docketed" => "ScheduleHearing",
        "Scheduled" => "HearingThenDecision",
        _ => "ExceptionsThenFinalDecision",
    };

    private static int Version(string status) => status switch
    {
        "Filed" => 1,
        "Docketed" => 3,
        "Withdrawn" or "Dismissed" => 2,
        "Scheduled" => 5,
        _ => 7,
    };

    /// <summary>An index in [0, n) where low indexes are much more frequent, as big agencies and common names are.</summary>
    private static int Skewed(Random random, int n) => (int)(n * Math.Pow(random.NextDouble(), 2));

    private static Guid Id(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static string AgencyName(int i) => i switch
    {
        < 15 => $"{Places[i]} Department of Social Services",
        < 20 => new[] { "Anthem HealthKeepers Plus", "Aetna Better Health of Virginia", "Sentara Community Plan", "Molina Complete Care", "UnitedHealthcare Community Plan" }[i - 15],
        < ClientAgencies => i == 20 ? "DMAS Eligibility and Enrollment" : "Cover Virginia Central Processing Unit",
        _ => new[] { "DMAS Provider Reimbursement", "DMAS Program Integrity", "DMAS Provider Enrollment", "DMAS Health Care Services", "Magellan of Virginia", "DMAS Long-Term Care", "DMAS Audit Contractor", "DMAS Pharmacy Services" }[i - ClientAgencies],
    };

    private static string ProviderName(Random random) => random.Next(3) switch
    {
        0 => $"{LastNames[random.Next(LastNames.Length)]} {ProviderKinds[random.Next(ProviderKinds.Length)]}",
        1 => $"{Places[random.Next(Places.Length)]} {ProviderKinds[random.Next(ProviderKinds.Length)]}",
        _ => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}, MD",
    };

    private static Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? writer.WriteAsync(v, type) : writer.WriteNullAsync();

    private static Task WriteAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type);
}
