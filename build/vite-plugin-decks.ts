/**
 * Build-time deck step: turns every `decks/*.txt` (and `.md`) into typed deck JSON.
 *
 * Two virtual modules:
 * - `virtual:retain-deck-versions`: only each deck's id and content hash. The page's start-up
 *   compares them with the database; a normal start needs nothing more.
 * - `virtual:retain-decks`: a small manifest (id, title, content hash, card count) whose
 *   `load()` dynamically imports one deck's JSON as its own chunk. Only the built-in deck
 *   worker imports it, when a deck changed, so the page's bundle never carries deck content
 *   and the raw text is never shipped.
 *
 * Imports only src/domain: the same parser runs here, in Node tests and in the import worker.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename, extname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildDeck } from '../src/domain/deck/build-deck.ts';
import type { Deck } from '../src/domain/deck/types.ts';

const MANIFEST_ID = 'virtual:retain-decks';
const VERSIONS_ID = 'virtual:retain-deck-versions';
const DECK_PREFIX = 'virtual:retain-deck/';
const RESOLVED = '\0';

interface BuiltDeck {
  file: string;
  deck: Deck;
  hash: string;
}

/** FNV-1a over the JSON: cheap, deterministic, enough to notice that a deck changed. */
function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

function deckFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => ['.txt', '.md'].includes(extname(name)))
    .sort()
    .map((name) => join(dir, name));
}

function buildOne(file: string): BuiltDeck {
  const topicsFile = file.slice(0, -extname(file).length) + '.topics.json';
  const topicMap = existsSync(topicsFile) ? readFileSync(topicsFile, 'utf8') : undefined;
  const deck = buildDeck(new Uint8Array(readFileSync(file)), basename(file), topicMap);
  return { file, deck, hash: contentHash(JSON.stringify(deck)) };
}

/** Every error of every deck as `file:line: message`, or an empty list. */
export function deckErrors(built: BuiltDeck[]): string[] {
  return built.flatMap(({ file, deck }) =>
    deck.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${file}:${d.line}: ${d.message}`),
  );
}

export function retainDecks(options: { dir?: string } = {}): Plugin {
  let dir = '';
  let built: BuiltDeck[] = [];

  const rebuild = (): string[] => {
    built = deckFiles(dir).map(buildOne);
    return deckErrors(built);
  };

  return {
    name: 'retain-decks',
    configResolved(config) {
      dir = resolve(config.root, options.dir ?? 'decks');
    },
    buildStart() {
      const errors = rebuild();
      for (const { file } of built) this.addWatchFile(file);
      if (errors.length > 0) this.error(`Deck files have errors:\n${errors.join('\n')}`);
    },
    resolveId(id) {
      if (id === MANIFEST_ID || id === VERSIONS_ID || id.startsWith(DECK_PREFIX)) return RESOLVED + id;
      return null;
    },
    load(id) {
      if (id === RESOLVED + VERSIONS_ID) {
        const versions = built.map(({ deck, hash }) => ({ id: deck.id, hash }));
        return `export const builtInDeckVersions = ${JSON.stringify(versions)};`;
      }
      if (id === RESOLVED + MANIFEST_ID) {
        const entries = built.map(({ deck, hash }) => {
          const meta = { id: deck.id, title: deck.title, sourceFile: deck.sourceFile, hash, cardCount: deck.cards.length };
          return `{ ...${JSON.stringify(meta)}, load: () => import(${JSON.stringify(DECK_PREFIX + deck.id)}).then((m) => m.default) }`;
        });
        return `export const builtInDecks = [${entries.join(',\n')}];`;
      }
      if (id.startsWith(RESOLVED + DECK_PREFIX)) {
        const deckId = id.slice((RESOLVED + DECK_PREFIX).length);
        const found = built.find((b) => b.deck.id === deckId);
        if (!found) this.error(`No built-in deck with id "${deckId}"`);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(found.deck))});`;
      }
      return null;
    },
    configureServer(server) {
      server.watcher.add(dir);
      const onChange = (file: string) => {
        if (!file.startsWith(dir)) return;
        const errors = rebuild();
        if (errors.length > 0) server.config.logger.error(`Deck files have errors:\n${errors.join('\n')}`);
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith(RESOLVED + 'virtual:retain-deck')) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
