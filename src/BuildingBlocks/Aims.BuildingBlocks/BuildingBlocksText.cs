namespace Aims.BuildingBlocks;

/// <summary>
/// The building blocks' own shared words (field rules, the emails' footer) look their Spanish up in
/// Resources/BuildingBlocksText.es.resx. In the root namespace, so the localizer's resource name is that file's.
/// </summary>
internal sealed class BuildingBlocksText;
