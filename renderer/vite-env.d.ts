// Vite resolves CSS imports at build time; the renderer room has no other ambient types.
declare module '*.css';

// Vite (and Vitest, from the process environment) provide `import.meta.env`.
interface ImportMeta {
  readonly env: Readonly<Record<string, string | undefined>>;
}
