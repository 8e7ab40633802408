// Organizations I belong to (`GET /organizations/user`) and teams (`GET /teams`), with each
// team's `source_policy` resolved against its organization's (a null team policy inherits it).
import { z } from 'zod';
import { isAppError } from '../../shared/app-error';
import { OrganizationSchema, TeamSchema, type Organization, type Team, type TeamWithPolicy } from './models';
import type { Http } from './http';
import type { CallOptions } from './types';

export interface OrganizationsApi {
  mine(options?: CallOptions): Promise<Organization[]>;
}

export interface TeamListParams extends CallOptions {
  orgId?: string;
  joined?: boolean;
}

export interface TeamsApi {
  list(params?: TeamListParams): Promise<TeamWithPolicy[]>;
}

export function createOrganizations(http: Http): OrganizationsApi {
  return {
    mine: (options) => http.data({ method: 'GET', path: '/organizations/user', ...options }, z.array(OrganizationSchema)),
  };
}

function withPolicy(team: Team, orgPolicy: string | null | undefined): TeamWithPolicy {
  const own = team.source_policy ?? null;
  return { ...team, source_policy: own ?? orgPolicy ?? null, source_policy_inherited: own === null && orgPolicy != null };
}

export function createTeams(http: Http, organizations: OrganizationsApi): TeamsApi {
  return {
    async list(params = {}) {
      const { orgId, joined, signal } = params;
      const teams = await http.data(
        { method: 'GET', path: '/teams', query: { org_id: orgId?.trim() || undefined, joined }, ...(signal ? { signal } : {}) },
        z.array(TeamSchema),
      );
      const needsOrg = teams.some((t) => t.source_policy == null && t.organization?.source_policy == null);
      let orgPolicies = new Map<string, string | null | undefined>();
      if (needsOrg) {
        try {
          const orgs = await organizations.mine(signal ? { signal } : {});
          orgPolicies = new Map(orgs.map((o) => [o.id, o.source_policy]));
        } catch (error) {
          // The policy only greys out upload targets; the team list is still worth showing.
          if (isAppError(error) && error.kind === 'cancelled') throw error;
        }
      }
      return teams.map((team) =>
        withPolicy(team, team.organization?.source_policy ?? (team.org_id ? orgPolicies.get(team.org_id) : undefined)),
      );
    },
  };
}
