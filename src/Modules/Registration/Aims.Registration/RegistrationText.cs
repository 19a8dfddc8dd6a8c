namespace Aims.Registration;

/// <summary>The module's pages and messages look their Spanish up in Resources/RegistrationText.es.resx (ADR 0022).</summary>
internal sealed class RegistrationText;
