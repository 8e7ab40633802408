// Tests import renderer components, which import their own CSS (Vite bundles it; Vitest ignores it).
declare module '*.css';
