// Plain text → Ouro's {json, text}, as ouro-py's _coerce_description builds it offline, and the
// update bodies that carry it (null-valued keys stripped, as the SDK strips them), and the
// polling rhythm the composer's conversation view uses.
import { describe, expect, it } from 'vitest';
import { messagePollDelayMs } from '../../../shared/actions';
import { plainTextToRichText } from '../../../electron/ouro/rich-text';
import { updateRecord } from '../../../electron/ouro/asset-edits';
import { toAssetUpdate } from '../../../electron/actions/update-handlers';

describe('plain text descriptions', () => {
  it('is one paragraph per line, the text kept as typed (CRLF normalised)', () => {
    expect(plainTextToRichText('Fe2BiNi\r\nspace group Pmmm')).toEqual({
      text: 'Fe2BiNi\nspace group Pmmm',
      json: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Fe2BiNi' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'space group Pmmm' }] },
        ],
      },
    });
  });

  it('a blank line is an empty paragraph (TipTap refuses empty text nodes)', () => {
    expect(plainTextToRichText('a\n\nb').json.content[1]).toEqual({ type: 'paragraph' });
  });

  it('blank text is the SDK’s empty doc, which clears a description', () => {
    expect(plainTextToRichText('')).toEqual({ text: '', json: { type: 'doc', content: [] } });
    expect(plainTextToRichText('  \n ')).toEqual({ text: '', json: { type: 'doc', content: [] } });
  });
});

describe('update bodies', () => {
  it('carries only what changed; files carry their id, a move sends org and team together', () => {
    expect(updateRecord({ name: 'x' }, 'f1')).toEqual({ id: 'f1', name: 'x' });
    expect(updateRecord({ visibility: 'public' })).toEqual({ visibility: 'public' });
    expect(updateRecord(toAssetUpdate({ name: '  Report  ', move: { orgId: 'o', teamId: 't' } }))).toEqual({ name: 'Report', org_id: 'o', team_id: 't' });
    expect(updateRecord(toAssetUpdate({ description: 'hi' }))).toEqual({ description: { text: 'hi', json: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] } } });
  });
});

describe('message polling', () => {
  it('polls every 5 s, stretching to 10 s while nothing new arrives, and once a minute while hidden', () => {
    expect([0, 1, 2, 3, 10].map((quietPolls) => messagePollDelayMs({ hidden: false, quietPolls }))).toEqual([5_000, 7_500, 10_000, 10_000, 10_000]);
    expect(messagePollDelayMs({ hidden: true, quietPolls: 0 })).toBe(60_000);
  });
});
