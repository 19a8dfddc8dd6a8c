namespace Aims.BuildingBlocks.Messaging;

public enum MessageStatus : short
{
    Pending = 0,
    Delivered = 1,
    DeadLettered = 2,
    Cancelled = 3,
}
