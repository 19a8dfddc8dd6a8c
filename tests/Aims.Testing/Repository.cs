namespace Aims.Testing;

public static class Repository
{
    /// <summary>The checkout's root (where Aims.sln is), found by walking up from the test output.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aims.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Aims.sln not found above the test output.");
    }
}
