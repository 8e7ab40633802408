// One name per organization and team: display names first, the global organization and its
// catch-all team as "Everyone on Ouro", never "all".
import { describe, expect, it } from 'vitest';
import { EVERYONE_ON_OURO, GLOBAL_ID, organizationName, placeName, teamName } from '../../shared/display-names';

describe('display names', () => {
  it('prefers the display name, then the name', () => {
    expect(organizationName({ id: 'o1', name: 'helios-lab', display_name: 'Helios Materials Lab' })).toBe('Helios Materials Lab');
    expect(organizationName({ id: 'o1', name: 'helios-lab', display_name: '  ' })).toBe('helios-lab');
    expect(organizationName({ id: 'o1' })).toBe('Organization');
    expect(teamName({ id: 't1', name: ' Crystal Growth ' })).toBe('Crystal Growth');
  });

  it('names the global organization and its catch-all team the same way everywhere', () => {
    expect(organizationName({ id: GLOBAL_ID, name: 'all', display_name: 'Ouro' })).toBe(EVERYONE_ON_OURO);
    expect(teamName({ id: GLOBAL_ID, name: 'all' })).toBe(EVERYONE_ON_OURO);
    expect(placeName({ id: GLOBAL_ID, name: 'all' }, { id: GLOBAL_ID, name: 'all' })).toBe(EVERYONE_ON_OURO);
    expect(placeName(undefined, undefined)).toBe(EVERYONE_ON_OURO);
  });

  it('a place is the organization and the team', () => {
    expect(placeName({ id: 'o1', display_name: 'Helios Materials Lab' }, { id: 't1', name: 'Crystal Growth' })).toBe('Helios Materials Lab · Crystal Growth');
    expect(placeName({ id: 'o1', display_name: 'Helios Materials Lab' }, null)).toBe('Helios Materials Lab');
  });
});
