namespace Aims.BuildingBlocks.Modules;

/// <summary>
/// An integration event no module handles, published on purpose for consumers outside the portal (an agency's feed, a
/// data warehouse); the architecture tests accept it unhandled. Say who wants it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublishedForOutsideConsumersAttribute(string consumers) : Attribute
{
    public string Consumers { get; } = consumers;
}
