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
/// The scanner's verdict. Infected: listed, never served. Pending: in quarantine until a scanner that was down finds it
/// clean. Not scanned: no scanner configured (development, or production's logged opt-out).
/// </summary>
public enum ScanStatus
{
    Clean,
    Infected,
    NotScanned,
    Pending,
}
