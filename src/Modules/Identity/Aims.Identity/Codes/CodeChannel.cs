namespace Aims.Identity.Codes;

internal enum CodeChannel
{
    Email,
    TextMessage,
}
