// AIMS build script: installs what a fresh Debian machine lacks, provisions a private PostgreSQL cluster in
// .local/postgres, and runs the portal, the tests or the benchmarks against it. Targets are listed in README.md.
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Xml.Linq;

var target = Argument("target", "run");
var testFilter = Argument("filter", "");
// run and publish build Release unless told otherwise (--configuration=Debug).
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory("./")).FullPath;
var pgPort = EnvironmentVariable("AIMS_PG_PORT") ?? "55432";
var portalUrl = EnvironmentVariable("AIMS_URL") ?? "http://127.0.0.1:5080";
// The local portal's clamd listens beside the cluster: one port above it unless set.
var clamdPort = EnvironmentVariable("AIMS_CLAMD_PORT") ?? (int.Parse(pgPort) + 1).ToString();
var publishDir = $"{root}/artifacts/publish";
var resultsDir = $"{root}/artifacts/test-results";
var isRoot = RunCapture("id", "-u").Trim() == "0";
// Chosen on first use, after the packages are installed: the postgres user exists only from then on.
string chosenClusterDir = null;
string clusterDir => chosenClusterDir ??= ClusterDirectory();
string dataDir => $"{clusterDir}/data";
var startedCluster = false;
var usedCluster = false;
IProcess clamd = null;

if (EnvironmentVariable("CI") is not null)
{
    Environment.SetEnvironmentVariable("NO_COLOR", "1");
}

Teardown(context =>
{
    if (clamd is not null)
    {
        Information("Stopping the local virus scanner (clamd).");
        clamd.Kill();
        clamd.WaitForExit();
    }

    // Several `./build.sh run`s may share the local cluster (two hosts, docs/scale-out.md): the last one to stop stops it.
    var sharedRun = target == "run" && usedCluster;
    if (sharedRun && OtherClusterClients() > 0)
    {
        Information("Another host still uses the local PostgreSQL cluster: it keeps running.");
    }
    else if (startedCluster || sharedRun)
    {
        Information("Stopping the local PostgreSQL cluster.");
        PgCtl($"-D \"{dataDir}\" -m fast -w stop");
    }
});

Task("build")
    .Does(() => Run("dotnet", "build Aims.sln -nologo"));

Task("run")
    .Does(() =>
    {
        EnsurePackages(Postgres, Node, Clamav);
        var connectionString = EnvironmentVariable("ConnectionStrings__Aims") ?? StartCluster("aims");
        var scanner = StartClamd();
        // Ctrl-C reaches the host too (same process group): let it shut down, then stop the cluster in Teardown.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        Run("dotnet", $"run -c {configuration} --project src/Host/Aims.Host", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = portalUrl,
            // Links in emails (confirmation, sign-in) point where the local portal listens.
            ["Aims__Portal__PublicUrl"] = portalUrl,
            ["ConnectionStrings__Aims"] = connectionString,
            ["Aims__Documents__Clamd"] = scanner,
        }, allowInterrupt: true);
    });

Task("migrate")
    .Does(() =>
    {
        EnsurePackages(Postgres, Node);
        var connectionString = EnvironmentVariable("ConnectionStrings__Aims") ?? StartCluster("aims");
        Run("dotnet", $"run -c {configuration} --project src/Host/Aims.Host -- migrate", new Dictionary<string, string> { ["ConnectionStrings__Aims"] = connectionString });
    });

// Wolverine's generated code, rewritten from the current configuration into the folder the build compiles (ADR 0049);
// commit what changes. No database is contacted (the connection string only has to parse).
Task("codegen")
    .Does(() => Run("dotnet", "run -c Release --project src/Host/Aims.Host -- codegen", new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Aims"] = "Host=127.0.0.1;Port=9;Database=none;Username=none;Password=none",
    }));

// Release, framework-dependent, one folder: what docs/deploy.md installs as /opt/aims.
Task("publish")
    .Does(() =>
    {
        EnsurePackages(Node);
        CleanDirectory(publishDir);
        Run("dotnet", $"publish src/Host/Aims.Host/Aims.Host.csproj -nologo -c {configuration} --no-self-contained -o \"{publishDir}\"");
        Information($"Published to {publishDir}: run it with  dotnet {publishDir}/Aims.Host.dll  (docs/deploy.md).");
    });

Task("test")
    .Does(() =>
    {
        EnsurePackages(Postgres, Node, Chromium, Clamav, Nginx);
        StartCluster(null);
        CleanDirectory(resultsDir);
        // The build runs the analyzers (warnings are errors); then the unit tests, which need no database and take
        // seconds, so a broken rule shows before the slow suites; then everything else.
        var built = StartProcess("dotnet", new ProcessSettings { Arguments = "build Aims.sln -nologo", WorkingDirectory = root }) == 0;
        var exit = 1;
        if (built)
        {
            var unitFilter = string.IsNullOrEmpty(testFilter) ? "" : $" --filter \"{testFilter}\"";
            var unit = StartProcess("dotnet", new ProcessSettings
            {
                Arguments = $"test tests/Aims.UnitTests --no-build --logger trx --results-directory \"{resultsDir}\"{unitFilter}",
                WorkingDirectory = root,
                EnvironmentVariables = new Dictionary<string, string> { ["NO_COLOR"] = "1" },
            });
            // One test assembly at a time (-m:1): run side by side on 2 cores, the browser tests' first requests starved
            // past Playwright's 30 s while the integration suite ran (the flaky sign-up journey, ADR 0054).
            var rest = string.IsNullOrEmpty(testFilter) ? "FullyQualifiedName!~Aims.UnitTests" : $"({testFilter})&FullyQualifiedName!~Aims.UnitTests";
            exit = StartProcess("dotnet", new ProcessSettings
            {
                Arguments = $"test Aims.sln --no-build -m:1 --logger trx --results-directory \"{resultsDir}\" --filter \"{rest}\"",
                WorkingDirectory = root,
                EnvironmentVariables = new Dictionary<string, string>
                {
                    ["AIMS_TEST_POSTGRES"] = AdminConnectionString(),
                    ["AIMS_CHROMIUM"] = "/usr/bin/chromium",
                    ["NO_COLOR"] = "1",
                },
            }) | unit;
        }

        var summary = Summarize(built);
        System.IO.File.WriteAllText($"{resultsDir}/summary.txt", summary + "\n");
        Console.WriteLine(summary);
        if (!built || exit != 0)
        {
            throw new Exception(built ? "Some tests failed." : "The build failed.");
        }
    });

Task("bench")
    .Does(() =>
    {
        EnsurePackages(Postgres, Node);
        StartCluster(null);
        // --scenario=coldstart (or several, comma-separated) runs only those; without it, every scenario.
        var scenarios = Argument("scenario", "").Replace(',', ' ');
        Run("dotnet", $"run -c Release --project bench/Aims.Benchmarks -- {scenarios}", new Dictionary<string, string>
        {
            ["AIMS_BENCH_POSTGRES"] = AdminConnectionString(),
            ["AIMS_PGBENCH"] = $"{PostgresBin()}/pgbench",
        });
    });

Task("reset")
    .Does(() =>
    {
        if (System.IO.File.Exists($"{dataDir}/postmaster.pid") && PostgresBin() is not null)
        {
            PgCtl($"-D \"{dataDir}\" -m fast -w stop");
        }

        if (DirectoryExists(clusterDir))
        {
            DeleteDirectory(clusterDir, new DeleteDirectorySettings { Recursive = true, Force = true });
        }

        Information($"Removed the local PostgreSQL cluster ({clusterDir}).");
    });

RunTarget(target);

// ---------------------------------------------------------------- Debian packages

(string Package, Func<bool> Present) Postgres => ("postgresql", () => PostgresBin() is not null);
(string Package, Func<bool> Present) Node => ("nodejs npm", () => System.IO.File.Exists("/usr/bin/npm") || RunCapture("sh", "-c \"command -v npm || true\"").Trim().Length > 0);
(string Package, Func<bool> Present) Chromium => ("chromium", () => System.IO.File.Exists("/usr/bin/chromium"));
// The documents tests run the real ClamAV daemon with a signature they make (no signature downloads here).
(string Package, Func<bool> Present) Clamav => ("clamav-daemon", () => System.IO.File.Exists("/usr/sbin/clamd"));
// The deployment test runs the portal behind the nginx configuration of docs/deploy.md.
(string Package, Func<bool> Present) Nginx => ("nginx", () => System.IO.File.Exists("/usr/sbin/nginx"));

void EnsurePackages(params (string Package, Func<bool> Present)[] needs)
{
    var missing = needs.Where(n => !n.Present()).Select(n => n.Package).ToList();
    if (missing.Count == 0)
    {
        return;
    }

    var packages = string.Join(" ", missing);
    if (!isRoot)
    {
        throw new Exception($"Missing Debian packages: run  sudo apt-get install -y {packages}  and try again.");
    }

    Information($"Installing Debian packages: {packages}");
    Run("apt-get", "update -qq", new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
    Run("apt-get", $"install -y -qq {packages}", new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
}

// ---------------------------------------------------------------- the local PostgreSQL cluster

string PostgresBin() =>
    System.IO.Directory.Exists("/usr/lib/postgresql")
        ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => $"{d}/bin").FirstOrDefault(d => System.IO.File.Exists($"{d}/initdb"))
        : null;

// initdb and pg_ctl refuse to run as root, so as root the cluster belongs to the postgres user, who must be able to
// reach the folder. A repository under a private home directory is not reachable: then the cluster lives in /var/tmp.
string ClusterDirectory()
{
    var preferred = $"{root}/.local/postgres";
    if (!isRoot || StartProcess("runuser", new ProcessSettings { Arguments = $"-u postgres -- test -x \"{root}\"", Silent = true }) == 0)
    {
        return preferred;
    }

    var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root)))[..12].ToLowerInvariant();
    return $"/var/tmp/aims-postgres-{hash}";
}

/// <summary>Starts (creating on first use) the cluster; creates <paramref name="database"/> if given; returns its connection string.</summary>
string StartCluster(string database)
{
    var passwordFile = $"{clusterDir}/password";
    if (!System.IO.File.Exists($"{dataDir}/PG_VERSION"))
    {
        Information($"Creating a private PostgreSQL cluster in {clusterDir}");
        EnsureDirectoryExists(clusterDir);
        System.IO.File.WriteAllText(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant());
        if (isRoot)
        {
            Run("chown", $"-R postgres \"{clusterDir}\"");
        }

        RunAsClusterOwner($"{PostgresBin()}/initdb", $"-D \"{dataDir}\" -U aims --auth=scram-sha-256 --pwfile=\"{passwordFile}\" -E UTF8 --no-locale");
    }

    if (PgCtlStatus() != 0)
    {
        if (!PortIsFree(int.Parse(pgPort)))
        {
            throw new Exception($"Port {pgPort} is in use by another program: set AIMS_PG_PORT to a free port.");
        }

        // No unix socket: CI checkouts can be deeper than the 107-character socket path limit.
        PgCtl($"-D \"{dataDir}\" -l \"{clusterDir}/postgres.log\" -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p {pgPort} -c unix_socket_directories='' -c max_connections=200\" start");
        startedCluster = true;
    }

    if (database is not null)
    {
        var exists = Psql($"-tAc \"SELECT 1 FROM pg_database WHERE datname = '{database}'\"").Trim() == "1";
        if (!exists)
        {
            Psql($"-qc \"CREATE DATABASE {database}\"");
        }
    }

    usedCluster = true;
    return ConnectionString(database ?? "postgres");
}

int OtherClusterClients() =>
    int.Parse(Psql("-tAc \"SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()\"").Trim());

string Password() => System.IO.File.ReadAllText($"{clusterDir}/password").Trim();

string ConnectionString(string database) =>
    $"Host=127.0.0.1;Port={pgPort};Database={database};Username=aims;Password={Password()}";

string AdminConnectionString() => ConnectionString("postgres");

int PgCtlStatus() =>
    StartProcess(isRoot ? "runuser" : $"{PostgresBin()}/pg_ctl", new ProcessSettings
    {
        Arguments = (isRoot ? $"-u postgres -- {PostgresBin()}/pg_ctl " : "") + $"-D \"{dataDir}\" status",
        Silent = true,
    });

void PgCtl(string arguments) => RunAsClusterOwner($"{PostgresBin()}/pg_ctl", arguments);

void RunAsClusterOwner(string program, string arguments)
{
    if (isRoot)
    {
        Run("runuser", $"-u postgres -- {program} {arguments}");
    }
    else
    {
        Run(program, arguments);
    }
}

string Psql(string arguments)
{
    var settings = new ProcessSettings
    {
        Arguments = $"-h 127.0.0.1 -p {pgPort} -U aims -d postgres {arguments}",
        RedirectStandardOutput = true,
        EnvironmentVariables = new Dictionary<string, string> { ["PGPASSWORD"] = Password() },
    };
    using var process = StartAndReturnProcess($"{PostgresBin()}/psql", settings);
    process.WaitForExit();
    if (process.GetExitCode() != 0)
    {
        throw new Exception($"psql {arguments} failed.");
    }

    return string.Join("\n", process.GetStandardOutput());
}

bool PortIsFree(int port)
{
    try
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
        return true;
    }
    catch (SocketException)
    {
        return false;
    }
}

// ---------------------------------------------------------------- the local virus scanner

/// <summary>
/// Starts clamd for the local portal, as the tests do: on 127.0.0.1 with one signature the project makes, the EICAR test
/// string (no signature downloads here). Answers its host:port; stopped in Teardown.
/// </summary>
string StartClamd()
{
    var folder = $"{root}/.local/clamd";
    var database = $"{folder}/db";
    EnsureDirectoryExists(database);
    System.IO.File.WriteAllText($"{database}/aims-test.ndb",
        $"Aims.Test.EICAR:0:*:{Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE"))}\n");
    // Named by port: a second `./build.sh run` (a second host, docs/scale-out.md) runs its own clamd, which cannot share
    // the first one's log file (clamd locks it).
    var config = $"{folder}/clamd-{clamdPort}";
    System.IO.File.WriteAllText($"{config}.conf", string.Join("\n",
        "Foreground yes", $"TCPSocket {clamdPort}", "TCPAddr 127.0.0.1", $"DatabaseDirectory {database}", $"LogFile {config}.log", "StreamMaxLength 60M", ""));
    if (!PortIsFree(int.Parse(clamdPort)))
    {
        throw new Exception($"Port {clamdPort} (clamd) is in use by another program: set AIMS_CLAMD_PORT to a free port.");
    }

    clamd = StartAndReturnProcess("/usr/sbin/clamd", new ProcessSettings { Arguments = $"-c \"{config}.conf\"", Silent = true, RedirectStandardOutput = true, RedirectStandardError = true });
    for (var waited = 0; waited < 300; waited++)
    {
        if (!PortIsFree(int.Parse(clamdPort)))
        {
            Information($"Virus scanner (clamd, test signature only) on 127.0.0.1:{clamdPort}");
            return $"127.0.0.1:{clamdPort}";
        }

        System.Threading.Thread.Sleep(100);
    }

    throw new Exception($"clamd did not start; see {config}.log.");
}

// ---------------------------------------------------------------- processes and results

void Run(string program, string arguments, IDictionary<string, string> environment = null, bool allowInterrupt = false)
{
    var exit = StartProcess(program, new ProcessSettings
    {
        Arguments = arguments,
        WorkingDirectory = root,
        EnvironmentVariables = environment ?? new Dictionary<string, string>(),
    });
    // 130 = the child stopped on Ctrl-C, which is how the portal is meant to end.
    if (exit != 0 && !(allowInterrupt && exit is 130 or 143 or -1))
    {
        throw new Exception($"{program} {arguments.Split(' ')[0]} failed with exit code {exit}.");
    }
}

string RunCapture(string program, string arguments)
{
    using var process = StartAndReturnProcess(program, new ProcessSettings { Arguments = arguments, RedirectStandardOutput = true, Silent = true });
    process.WaitForExit();
    return string.Join("\n", process.GetStandardOutput());
}

// One line summed over every test assembly's TRX file: what CI and people read.
string Summarize(bool built)
{
    if (!built)
    {
        return "0 passed, 1 failed, 0 skipped";
    }

    XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    int passed = 0, failed = 0, skipped = 0;
    foreach (var file in System.IO.Directory.GetFiles(resultsDir, "*.trx", System.IO.SearchOption.AllDirectories))
    {
        var counters = XDocument.Load(file).Descendants(ns + "Counters").Single();
        int Count(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0");
        passed += Count("passed");
        failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
        skipped += Count("notExecuted") + Count("inconclusive");
    }

    return $"{passed} passed, {failed} failed, {skipped} skipped";
}
