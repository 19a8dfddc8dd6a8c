namespace Aims.Appeals.Model;

/// <summary>Which expedited clock applies (42 CFR 431.244(f)(2)): services 3 working days, eligibility 7.</summary>
internal enum ExpeditedTrack
{
    Services,
    Eligibility,
}
