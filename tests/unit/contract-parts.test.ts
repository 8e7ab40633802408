// The contract is declared per domain (shared/contract/*.ts) and composed in its index: a channel
// declared in two parts would silently keep only the later one, so each name must be in one part.
import { describe, expect, it } from 'vitest';
import { channelNames, channels } from '../../shared/contract';
import { actionChannels } from '../../shared/contract/actions';
import { appChannels } from '../../shared/contract/app';
import { browseChannels } from '../../shared/contract/browse';
import { desktopChannels } from '../../shared/contract/desktop';
import { syncChannels } from '../../shared/contract/sync';
import { uploadChannels } from '../../shared/contract/uploads';

describe('the contract’s parts', () => {
  it('declare every channel exactly once between them', () => {
    const declared = [appChannels, browseChannels, uploadChannels, actionChannels, desktopChannels, syncChannels].flatMap((part) => Object.keys(part));
    expect(declared.length).toBe(new Set(declared).size);
    expect([...declared].sort()).toEqual([...channelNames].sort());
    expect(Object.keys(channels).sort()).toEqual([...channelNames].sort());
  });
});
