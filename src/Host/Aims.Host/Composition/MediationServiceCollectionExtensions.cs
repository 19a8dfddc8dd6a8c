using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Host.Composition;

internal static class MediationServiceCollectionExtensions
{
    private static readonly Type[] ScannedInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    /// <summary>
    /// MediatR 5 with handlers found by Scrutor and validators by FluentValidation's own scan (internal types included
    /// in both), and the pipeline logging → validation → unit of work → handler.
    /// </summary>
    public static IServiceCollection AddAimsMediation(this IServiceCollection services, IEnumerable<Assembly> assemblies)
    {
        var scanned = assemblies.Distinct().ToArray();
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.Scan(scan => scan.FromAssemblies(scanned)
            .AddClasses(classes => classes.Where(IsScanned), publicOnly: false)
            .As(type => type.GetInterfaces().Where(IsScannedInterface))
            .WithScopedLifetime());
        services.AddValidatorsFromAssemblies(scanned, ServiceLifetime.Scoped, includeInternalTypes: true);

        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));
        return services;
    }

    private static bool IsScanned(Type type) =>
        type is { IsAbstract: false, IsGenericTypeDefinition: false } && type.GetInterfaces().Any(IsScannedInterface);

    private static bool IsScannedInterface(Type type) =>
        type.IsGenericType && ScannedInterfaces.Contains(type.GetGenericTypeDefinition());
}
