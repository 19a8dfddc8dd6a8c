namespace Aims.Registration.Contracts;

/// <summary>Registration's promises as constants, so help pages state what the registration pages and reminders use.</summary>
public static class RegistrationRules
{
    /// <summary>The appeals team's service level for an agency's access request: a reply within this many business days.</summary>
    public const int ReplyWithinBusinessDays = 2;
}
