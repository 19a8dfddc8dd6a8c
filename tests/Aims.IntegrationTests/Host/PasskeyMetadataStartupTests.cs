namespace Aims.IntegrationTests.Host;

/// <summary>A metadata folder the portal cannot read stops the real host at start-up, with one line naming the setting (docs/adr/0032).</summary>
public sealed class PasskeyMetadataStartupTests
{
    [Test]
    public async Task A_metadata_file_that_is_not_a_metadata_statement_stops_start_up_naming_the_setting_and_the_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aims-bad-metadata-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "security-key.json");
        await File.WriteAllTextAsync(file, "<html>not the metadata</html>");
        try
        {
            var outcome = await HostProcess.RunAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings__Aims"] = HostUnderTest.ConnectionString,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Aims__Identity__Passkeys__Attestation__MetadataFolder"] = folder,
            });

            outcome.ExitCode.ShouldBe(1, outcome.Output);
            var lines = outcome.Output.Split('\n', StringSplitOptions.TrimEntries);
            lines.Count(l => l.StartsWith("AIMS cannot start: ", StringComparison.Ordinal)).ShouldBe(1, outcome.Output);
            outcome.Output.ShouldContain($"AIMS cannot start: Aims:Identity:Passkeys:Attestation:MetadataFolder: \"{file}\" is not a FIDO metadata statement this portal can read", Case.Sensitive, outcome.Output);
            lines.ShouldNotContain(l => l.StartsWith("at ", StringComparison.Ordinal), "no stack trace:\n" + outcome.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
