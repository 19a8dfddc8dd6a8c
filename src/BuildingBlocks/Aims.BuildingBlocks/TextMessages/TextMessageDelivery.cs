namespace Aims.BuildingBlocks.TextMessages;

public enum TextMessageDelivery
{
    Http,
    Folder,
}
