// Where the signed-in person can upload: their organizations, each with the teams they joined,
// and why a team cannot take an upload from the app (web-only, or read-only membership).
import { organizationName, teamName } from '../../shared/display-names';
import type { DestinationOrg } from '../../shared/uploads';
import type { OuroClient } from '../ouro/client';

const WEB_ONLY_REASON = 'This team only accepts uploads made on the Ouro website.';
const READ_ONLY_REASON = 'You can only view this team, not add to it.';

export async function destinationOrgs(client: OuroClient): Promise<DestinationOrg[]> {
  const [orgs, teams] = await Promise.all([client.organizations.mine(), client.teams.list({ joined: true })]);
  return orgs.map((org) => ({
    id: org.id,
    name: organizationName(org),
    teams: teams
      .filter((team) => team.org_id === org.id)
      .map((team) => ({
        id: team.id,
        name: teamName(team),
        disabledReason: team.source_policy === 'web_only' ? WEB_ONLY_REASON : team.userMembership?.role === 'read' ? READ_ONLY_REASON : null,
      })),
  }));
}
