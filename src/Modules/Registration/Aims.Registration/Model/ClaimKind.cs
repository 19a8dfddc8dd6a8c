namespace Aims.Registration.Model;

internal enum ClaimKind
{
    MedicaidId,
    Npi,
}
