// Vite resolves CSS imports at build time; the renderer room has no other ambient types.
declare module '*.css';
