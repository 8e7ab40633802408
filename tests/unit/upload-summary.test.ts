// The words for a dataset upload's outcome, shared by the upload row and the notification.
import { describe, expect, it } from 'vitest';
import { finishedNotification, ignoredColumnsText, rowsOutcome } from '../../shared/upload-summary';

const dataset = { kind: 'dataset' as const, name: 'observations.csv', rowsTotal: 4873 };

describe('upload summary', () => {
  it('says how many rows were added and how many Ouro skipped', () => {
    expect(rowsOutcome({ ...dataset, rowsInserted: 4870, rowsSkipped: 3 })).toBe('4,870 of 4,873 rows added — 3 skipped');
    expect(rowsOutcome({ ...dataset, rowsInserted: 4873 })).toBe('4,873 rows added');
    expect(rowsOutcome({ ...dataset, rowsTotal: 1, rowsInserted: 1 })).toBe('1 row added');
    expect(rowsOutcome({ ...dataset })).toBeNull();
    expect(rowsOutcome({ kind: 'file', name: 'a.txt', rowsInserted: 3 })).toBeNull();
  });

  it('names ignored columns, a few at most', () => {
    expect(ignoredColumnsText({ ...dataset, ignoredColumns: ['extra'] })).toBe('1 column ignored: extra');
    expect(ignoredColumnsText({ ...dataset, ignoredColumns: ['a', 'b', 'c', 'd', 'e', 'f'] })).toBe('6 columns ignored: a, b, c, d, e, …');
    expect(ignoredColumnsText({ ...dataset, ignoredColumns: [] })).toBeNull();
  });

  it('the notification carries the skipped rows, for one upload or several', () => {
    const skipped = { ...dataset, rowsInserted: 4870, rowsSkipped: 3 };
    expect(finishedNotification({ count: 1, first: skipped, problems: [skipped] })).toEqual({ title: 'Uploaded observations.csv', body: '4,870 of 4,873 rows added — 3 skipped.' });
    expect(finishedNotification({ count: 1, first: { kind: 'file', name: 'a.txt' }, problems: [] })).toEqual({ title: 'Uploaded a.txt', body: 'It is on Ouro now.' });
    const ignored = { ...dataset, rowsInserted: 4873, ignoredColumns: ['extra'] };
    expect(finishedNotification({ count: 2, first: ignored, problems: [ignored] })).toEqual({ title: '2 uploads finished', body: 'observations.csv: 4,873 rows added; 1 column ignored: extra.' });
    expect(finishedNotification({ count: 2, first: { kind: 'file', name: 'a' }, problems: [] }).body).toBe('They are on Ouro now.');
    const many = finishedNotification({ count: 9, first: skipped, problems: [skipped, skipped, skipped, skipped] });
    expect(many.body.split('\n')).toHaveLength(4);
    expect(many.body).toContain('see Uploads');
  });
});
