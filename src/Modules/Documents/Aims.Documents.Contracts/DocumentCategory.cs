namespace Aims.Documents.Contracts;

/// <summary>What a document is to the appeal; the filing forms ask for some of these by name.</summary>
public enum DocumentCategory
{
    NoticeOfAction,
    McoFinalLetter,
    ProofOfAuthority,
    CaseSummary,
    Evidence,
    Correspondence,
    Decision,

    /// <summary>The informal decision a formal appeal filed outside AIMS appeals (ADR 0038).</summary>
    InformalDecisionLetter,
}

/// <summary>
/// What the virus scanner said. An infected document is quarantined: it is listed but never served. A pending one waits
/// in quarantine for the scanner (down when it arrived) and is served once found clean. Not scanned means no scanner
/// is configured (development, or production's logged opt-out).
/// </summary>
public enum ScanStatus
{
    Clean,
    Infected,
    NotScanned,
    Pending,
}
