// Replying in a conversation through the web host: the composer (Enter sends, Shift-Enter is a
// new line) sending through main's outbox, a send that meets a 500 shown failed and retried
// under the same id without a duplicate, and a file dropped on the conversation uploaded by the
// queue and linked in a message — each checked on the stand-in. axe on the composer and a failed
// message, light and dark.
import type { Page } from '@playwright/test';
import type { StandIn } from '../stand-in/index';
import { faultPresets } from '../stand-in/fault-presets';
import { apiFor, type Envelope } from '../unit/stand-in/helpers';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { keychainClear } from './keychain';
import { signInThroughUi } from './sign-in-helpers';

test.afterEach(({ standIn }) => keychainClear(standIn.url));

/** A named conversation alice is in, with few messages. */
function conversationOf(standIn: StandIn) {
  const found = standIn.seed.conversations.find((c) => c.members.includes('alice') && c.name && c.messageCount < 100);
  if (!found?.name) throw new Error('seed has no small named conversation for alice');
  return { id: found.id, name: found.name };
}

async function storedTexts(standIn: StandIn, conversationId: string): Promise<string[]> {
  const api = await apiFor(standIn);
  return (await api.json<Envelope<{ text: string }[]>>(`/conversations/${conversationId}/messages?limit=200`)).body.data.map((m) => m.text);
}

async function openConversation(page: Page, standIn: StandIn) {
  const conversation = conversationOf(standIn);
  await signInThroughUi(page, standIn.apiKey);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Conversations', exact: true }).click();
  await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option', { name: new RegExp(`^${conversation.name}`) }).click();
  const messages = page.getByRole('region', { name: `Messages in ${conversation.name}` });
  await expect(messages.locator('li[data-message-id]').first()).toBeVisible();
  return { conversation, messages, box: page.getByRole('textbox', { name: `Message to ${conversation.name}` }) };
}

test('Enter sends a Markdown message (Shift-Enter is a new line): it shows, and Ouro has it once', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const { conversation, messages, box } = await openConversation(page, standIn);
  await box.click();
  await page.keyboard.type('Results are **in**:');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('- run 7 passed');
  await expect(box).toHaveValue('Results are **in**:\n- run 7 passed');
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue('');
  const sent = messages.locator('.message-list').first().locator('li[data-message-id]').last();
  await expect(sent).toContainText('Results are in:');
  await expect(sent.locator('strong', { hasText: 'in' })).toBeVisible();
  await expect(sent).toBeInViewport();
  await expect.poll(async () => (await storedTexts(standIn, conversation.id)).filter((t) => t.startsWith('Results are **in**')).length).toBe(1);
});

test('a send that meets a 500 shows failed; Retry sends the same id and Ouro stores it once', async ({ launch, standIn }) => {
  // Main would try again by itself after a while; long enough here that Retry is what sends it.
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url, OURO_OUTBOX_RETRY_MS: '600000' } });
  const { conversation, messages, box } = await openConversation(page, standIn);
  standIn.faults.add(faultPresets.messageCreateFails(conversation.id));
  await box.fill('Will this arrive?');
  await page.keyboard.press('Enter');
  const pending = messages.getByRole('list', { name: 'Not sent yet' });
  await expect(pending.getByRole('alert')).toContainText('Not sent.');
  expect(await storedTexts(standIn, conversation.id)).not.toContain('Will this arrive?');
  await pending.getByRole('button', { name: 'Retry' }).click();
  await expect(pending).toHaveCount(0);
  await expect(messages.locator('li[data-message-id]').last()).toContainText('Will this arrive?');
  await expect.poll(async () => (await storedTexts(standIn, conversation.id)).filter((t) => t === 'Will this arrive?').length).toBe(1);
  await expect(messages.locator('li[data-message-id]', { hasText: 'Will this arrive?' })).toHaveCount(1);
});

test('a file dropped on the conversation is uploaded and linked in a message', async ({ launch, standIn }) => {
  const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url } });
  const { conversation, messages } = await openConversation(page, standIn);
  await page.getByRole('region', { name: `Messages in ${conversation.name}` }).evaluate((el) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x,y\n1,2\n'], 'plot-data.txt', { type: 'text/plain' }));
    el.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  // Not the window's upload sheet: this drop belongs to the conversation.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const link = messages.getByRole('link', { name: 'plot-data.txt' });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await expect(link).toHaveAttribute('href', /^https:\/\/ouro\.foundation\/files\//);
  const uploaded = standIn.uploads().find((u) => u.fileName === 'plot-data.txt');
  expect(uploaded).toBeTruthy();
  await expect.poll(async () => (await storedTexts(standIn, conversation.id)).filter((t) => t.includes('[plot-data.txt](https://ouro.foundation/files/')).length).toBe(1);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the composer and a failed message pass axe (${colorScheme})`, async ({ launch, standIn }) => {
    const { page } = await launch({ env: { OURO_BACKEND_URL: standIn.url, OURO_OUTBOX_RETRY_MS: '600000' } });
    await page.emulateMedia({ colorScheme });
    const { conversation, messages, box } = await openConversation(page, standIn);
    standIn.faults.add(faultPresets.messageCreateFails(conversation.id));
    await box.fill('This one fails first');
    await page.keyboard.press('Enter');
    await expect(messages.getByRole('list', { name: 'Not sent yet' }).getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/compose-${colorScheme}.png` });
  });
}
