namespace Aims.Documents;

/// <summary>The module's pages and messages look their Spanish up in Resources/DocumentsText.es.resx (ADR 0022).</summary>
internal sealed class DocumentsText;
