using System.Text;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Identity;

/// <summary>The roles table exists once in code and once in docs/roles.md; they must say the same.</summary>
public sealed class RolesTableTests
{
    [Test]
    public void Docs_roles_table_matches_the_code()
    {
        var docs = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "roles.md"));
        var start = docs.IndexOf("<!-- table:start -->", StringComparison.Ordinal) + "<!-- table:start -->".Length;
        var end = docs.IndexOf("<!-- table:end -->", StringComparison.Ordinal);

        docs[start..end].Trim().ShouldBe(Render(), "regenerate the table in docs/roles.md from AccessTable");
    }

    [Test]
    public void Every_permission_is_granted_to_someone_and_every_role_can_do_something()
    {
        Enum.GetValues<Permission>().ShouldAllBe(p => AccessTable.RolesWith.ContainsKey(p) && AccessTable.RolesWith[p].Length > 0);
        Enum.GetValues<Role>().ShouldAllBe(r => AccessTable.PermissionsOf(r).Any());
    }

    [Test]
    public void Staff_work_is_granted_only_to_staff()
    {
        Permission[] staffWork = [Permission.WorkIntakeQueue, Permission.ScheduleHearings, Permission.IssueHearingDecisions, Permission.SearchAllAppeals, Permission.ManageStaffAccounts];
        staffWork.SelectMany(p => AccessTable.RolesWith[p]).ShouldAllBe(r => AccessTable.IsStaff(r));
    }

    private static string Render()
    {
        var roles = Enum.GetValues<Role>();
        var table = new StringBuilder();
        table.AppendLine($"| permission | {string.Join(" | ", roles)} |");
        table.AppendLine($"|---|{string.Concat(roles.Select(_ => "---|"))}");
        foreach (var permission in Enum.GetValues<Permission>())
        {
            table.AppendLine($"| {permission} | {string.Join(" | ", roles.Select(r => AccessTable.RolesWith[permission].Contains(r) ? "✔" : ""))} |");
        }

        return table.ToString().Trim();
    }
}
