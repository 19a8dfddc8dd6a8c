namespace Aims.Host;

/// <summary>The host's pages and shared layout look their Spanish up in Resources/HostText.es.resx.</summary>
internal sealed class HostText;
