namespace Aims.Appeals.Model;

/// <summary>How the notice reached the appellant; it decides the presumed date of receipt (12VAC30-20-520).</summary>
internal enum ReceiptMethod
{
    Mail,
    Email,
    Fax,
    Portal,
}
