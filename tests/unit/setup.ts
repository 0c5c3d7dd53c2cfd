// Component tests opt into jsdom with a `// @vitest-environment jsdom` header.
// Everything else runs in plain Node, like the build step does.
export {};
