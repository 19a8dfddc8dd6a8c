using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.BuildingBlocks.Mediation;

public static class MediationServiceCollectionExtensions
{
    private static readonly Type[] ScannedInterfaces =
        [typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>)];

    /// <summary>
    /// MediatR 5 with handlers and validators found by scanning (internal types included), and the pipeline
    /// logging → validation → unit of work → handler.
    /// </summary>
    public static IServiceCollection AddAimsMediation(this IServiceCollection services, IEnumerable<Assembly> assemblies)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.Scan(scan => scan.FromAssemblies(assemblies.Distinct())
            .AddClasses(classes => classes.Where(IsScanned), publicOnly: false)
            .As(type => type.GetInterfaces().Where(IsScannedInterface))
            .WithScopedLifetime());

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
