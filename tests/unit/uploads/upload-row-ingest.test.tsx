// @vitest-environment jsdom
// The upload row never shows a dataset Ouro did not take whole as a plain "Uploaded": the row says
// how many rows went in and how many were skipped, names ignored columns, and its details say why.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UploadRow } from '../../../renderer/src/uploads/UploadRow';
import type { UploadItem } from '../../../shared/uploads';

beforeEach(() => {
  const invoke = vi.fn(async () => ({ ok: true as const, data: undefined }));
  Object.defineProperty(window, 'ouro', { configurable: true, value: { invoke, on: () => () => {} } });
});
afterEach(cleanup);

const dataset: UploadItem = {
  id: 'u1',
  name: 'observations.csv',
  kind: 'dataset',
  size: 120_000,
  state: 'done',
  bytesSent: 120_000,
  bytesPerSecond: null,
  secondsLeft: null,
  rowsSent: 4873,
  rowsTotal: 4873,
  rowsInserted: 4870,
  createdAt: 1,
  assetUrl: 'https://ouro.foundation/datasets/alice/observations',
};

function show(items: UploadItem[]) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ul>
        {items.map((item) => (
          <UploadRow key={item.id} item={item} bytes={item.bytesSent} />
        ))}
      </ul>
    </QueryClientProvider>,
  );
  return screen.getAllByTestId('upload-item');
}

describe('a dataset upload with rows Ouro skipped', () => {
  it('shows the counts on the row, a warning state, and the reasons in its details', () => {
    const [row] = show([{ ...dataset, rowsSkipped: 3, ignoredColumns: ['extra'], ingestNotes: ['3 rows were skipped because a reference value was missing.'] }]);
    const scope = within(row as HTMLElement);
    expect(scope.getByText('Uploaded with warnings')).toBeTruthy();
    expect(row?.textContent).toContain('4,870 of 4,873 rows added — 3 skipped');
    expect(row?.textContent).toContain('1 column ignored: extra');
    const details = scope.getByText('Details').closest('details');
    expect(details?.textContent).toContain('Ouro skipped 3 rows of 4,873: they are not in the dataset.');
    expect(details?.textContent).toContain('Columns Ouro ignored because the table has no such column: extra.');
    expect(details?.textContent).toContain('Ouro said: “3 rows were skipped because a reference value was missing.”');
    expect(scope.getByLabelText('Details of observations.csv')).toBeTruthy();
  });

  it('a dataset taken whole is a plain "Uploaded" with its row count and no details', () => {
    const [row] = show([{ ...dataset, rowsInserted: 4873 }]);
    const scope = within(row as HTMLElement);
    expect(scope.getByText('Uploaded')).toBeTruthy();
    expect(row?.textContent).toContain('4,873 rows added');
    expect(scope.queryByText('Details')).toBeNull();
  });

  it('while rows are still going up, skipped ones already show', () => {
    const [row] = show([{ ...dataset, state: 'uploading', rowsSent: 2000, rowsInserted: 1997, rowsSkipped: 3 }]);
    expect(row?.textContent).toContain('2,000 of 4,873 rows · 3 skipped');
  });
});
