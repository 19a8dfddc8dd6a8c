namespace Aims.Appeals;

/// <summary>The module's pages and messages look their Spanish up in Resources/AppealsText.es.resx (ADR 0022).</summary>
internal sealed class AppealsText;
