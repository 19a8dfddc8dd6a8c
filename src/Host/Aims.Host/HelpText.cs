namespace Aims.Host;

/// <summary>
/// The help pages (landing, FAQ, guides, Contact us) look their Spanish up in Resources/HelpText.es.resx, apart from
/// the layout's text in HostText, so help can grow without touching the pages' translations (docs/help.md).
/// </summary>
internal sealed class HelpText;
