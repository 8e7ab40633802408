import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile, resolveRendererFile } from '../../electron/security/app-protocol';

const root = path.resolve('/srv/renderer');

describe('app:// file mapping', () => {
  it('maps the app root and assets inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://ouro/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://ouro/assets/index-1.js')).toBe(path.join(root, 'assets', 'index-1.js'));
  });

  it('refuses other hosts, schemes and any escape from the folder', () => {
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///srv/renderer/index.html')).toBeNull();
    expect(resolveRendererFile(root, '/../secret.txt')).toBeNull();
    expect(resolveRendererFile(root, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveRendererFile(root, '/assets/..%2f..%2fsecret')).toBeNull();
    expect(resolveRendererFile(root, '/a%5c..%5csecret')).toBeNull();
    expect(resolveRendererFile(root, '/%00')).toBeNull();
    expect(resolveRendererFile(root, '/%E0%A4%A')).toBeNull();
  });
});
