// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { preventStrayDrops } from '../../renderer/src/drop-guard';

describe('stray drop guard', () => {
  it("cancels the browser's default for dragover and drop on the window, and can be removed", () => {
    const remove = preventStrayDrops(window);
    for (const type of ['dragover', 'drop']) {
      const event = new Event(type, { cancelable: true });
      window.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
    }
    remove();
    const after = new Event('drop', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});
