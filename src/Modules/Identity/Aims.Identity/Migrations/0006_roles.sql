-- Every role of Aims.Identity.Contracts.Role, with a stable id derived from its name (RolesTableTests keeps the two equal).
INSERT INTO identity.asp_net_roles (id, name, normalized_name, concurrency_stamp)
SELECT md5(name)::uuid, name, upper(name), md5(name)
FROM unnest(ARRAY['ProviderUser', 'ProviderRepresentative', 'McoUser', 'TradingPartner', 'ClientAppellant',
                  'AuthorizedRepresentative', 'AgencyCoordinator', 'CaseWorker', 'HearingOfficer',
                  'InformalAppealsAgent', 'AppealsAdministrator']) AS name;
