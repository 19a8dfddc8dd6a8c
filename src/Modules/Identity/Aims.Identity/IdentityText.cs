namespace Aims.Identity;

/// <summary>The module's pages and messages look their Spanish up in Resources/IdentityText.es.resx (ADR 0022).</summary>
internal sealed class IdentityText;
