namespace Aims.BuildingBlocks.Mail;

public enum MailDelivery
{
    Smtp,
    Folder,
}
