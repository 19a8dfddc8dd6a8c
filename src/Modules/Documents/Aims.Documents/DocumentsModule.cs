using Aims.BuildingBlocks.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Documents;

public sealed class DocumentsModule : IModule
{
    public string Name => "Documents";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
    }
}
