namespace Aims.Registration.Contracts;

/// <summary>Which kind of adverse action the agency or contractor takes, and so which appeals it is party to.</summary>
public enum AgencyType
{
    /// <summary>"Client Agency / DMAS Contractor": adverse actions against a Medicaid applicant or member.</summary>
    ClientAgency,

    /// <summary>"Provider Agency / DMAS Contractor": adverse actions against a provider.</summary>
    ProviderAgency,
}
