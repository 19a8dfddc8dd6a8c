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
}

/// <summary>What the virus scanner said. An infected document is quarantined: it is listed but never served.</summary>
public enum ScanStatus
{
    Clean,
    Infected,
    NotScanned,
}
