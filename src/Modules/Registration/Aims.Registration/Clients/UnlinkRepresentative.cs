using System.Security.Claims;
using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Persistence;
using Aims.Registration.Requests;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Clients;

/// <summary>The client unlinks a representative, who stops acting on the client's appeals at once.</summary>
internal sealed record UnlinkRepresentative(Guid ClientUserId, Guid RepresentativeUserId) : ICommand<bool>;

internal sealed class UnlinkRepresentativeHandler(RegistrationDbContext db) : IRequestHandler<UnlinkRepresentative, bool>
{
    public async Task<bool> Handle(UnlinkRepresentative command, CancellationToken cancellationToken) =>
        await db.ClientRepresentatives.Where(r => r.ClientUserId == command.ClientUserId && r.RepresentativeUserId == command.RepresentativeUserId)
            .ExecuteDeleteAsync(cancellationToken) == 1;
}
