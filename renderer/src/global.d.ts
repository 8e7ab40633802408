import type { OuroBridge } from '../../shared/ouro-bridge';

declare global {
  interface Window {
    /** Built by the preload (Electron) or the web bridge (web host); the renderer's only way out. */
    readonly ouro: OuroBridge;
  }
}
