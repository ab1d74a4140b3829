import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Core's folders point one way: text and the model at the bottom; findings, decisions, normalize and
 * the ISO 2859 tables above them; then taxonomy, mapping and the statistics; then validation and
 * sampling; the warehouse and the demo on top. A file may import from its own folder or a lower one;
 * an import back up makes a cycle between folders, and this test names it. Tests count too: a test
 * sits beside the file it tests.
 */

const CORE = __dirname;

/** Every .ts file under a folder, as paths relative to it. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return tsFiles(join(dir, e.name)).map((f) => join(e.name, f));
    return e.name.endsWith('.ts') ? [e.name] : [];
  });
}

/** The folder a core file belongs to; a loose file (model.ts, reasons.ts) is a folder of its own. */
function folderOf(file: string): string {
  const parts = file.split(sep);
  return parts.length > 1 ? parts[0] : parts[0].replace(/(\.test)?\.ts$/, '');
}

/** The relative modules a source text imports or re-exports (static or dynamic import, require). */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(m[1]);
  return found;
}

/** One import between two different folders, with the file and the line that makes it. */
interface FolderImport {
  from: string;
  to: string;
  file: string;
  spec: string;
}

/** Folder → folder imports of the core's files, given their texts (paths relative to the core). */
function folderImports(files: ReadonlyMap<string, string>): FolderImport[] {
  const out: FolderImport[] = [];
  for (const [file, text] of files) {
    for (const spec of importsOf(text)) {
      const target = relative(CORE, resolve(CORE, dirname(file), spec));
      if (target.startsWith('..')) continue; // outside the core (excelSpec, i18n)
      const from = folderOf(file);
      const to = folderOf(target.includes(sep) ? target : `${target}.ts`);
      if (from !== to) out.push({ from, to, file, spec });
    }
  }
  return out;
}

/**
 * The first cycle in a folder graph, as the folders along it (the first repeated at the end) and the
 * import that makes each step; `undefined` when the folders point one way.
 */
function findCycle(imports: readonly FolderImport[]): { folders: string[]; steps: FolderImport[] } | undefined {
  const edges = new Map<string, FolderImport[]>();
  for (const i of imports) edges.set(i.from, [...(edges.get(i.from) ?? []), i]);
  const done = new Set<string>();
  const path: FolderImport[] = [];
  const onPath = new Map<string, number>(); // folder → its position on the path
  const visit = (folder: string): FolderImport[] | undefined => {
    onPath.set(folder, path.length);
    for (const step of edges.get(folder) ?? []) {
      const at = onPath.get(step.to);
      if (at !== undefined) return [...path.slice(at), step];
      if (done.has(step.to)) continue;
      path.push(step);
      const cycle = visit(step.to);
      if (cycle) return cycle;
      path.pop();
    }
    onPath.delete(folder);
    done.add(folder);
    return undefined;
  };
  for (const folder of [...edges.keys()].sort()) {
    if (done.has(folder)) continue;
    const steps = visit(folder);
    if (steps) return { folders: [...steps.map((s) => s.from), steps[0].from], steps };
  }
  return undefined;
}

function describeCycle(cycle: { folders: string[]; steps: FolderImport[] }): string {
  const because = cycle.steps.map((s) => `  ${s.file} imports '${s.spec}'`).join('\n');
  return `core folders import in a cycle: ${cycle.folders.join(' → ')}\n${because}`;
}

test("core's folders import one way: no cycle between them", () => {
  const files = new Map(tsFiles(CORE).map((f) => [f, readFileSync(join(CORE, f), 'utf8')]));
  const imports = folderImports(files);
  expect(imports.length).toBeGreaterThan(0); // the reader sees the imports at all
  const cycle = findCycle(imports);
  expect(cycle && describeCycle(cycle)).toBeUndefined();
});

test('an import back up from validation to taxonomy is named as a cycle, with the file that makes it', () => {
  const files = new Map([
    [join('taxonomy', 'taxonomyRows.ts'), "import { makeFinding } from '../findings/finding';"],
    [join('validation', 'createDecisionValidator.ts'), "import type { Taxonomy } from '../taxonomy/types';"],
    [join('findings', 'finding.ts'), "import type { FindingSeverity } from '../model';"],
  ]);
  expect(findCycle(folderImports(files))).toBeUndefined();
  files.set(join('taxonomy', 'validateTaxonomy.ts'), "import { x } from '../validation/createDecisionValidator';");
  const cycle = findCycle(folderImports(files));
  expect(cycle && describeCycle(cycle)).toBe(
    'core folders import in a cycle: taxonomy → validation → taxonomy\n' +
      `  ${join('taxonomy', 'validateTaxonomy.ts')} imports '../validation/createDecisionValidator'\n` +
      `  ${join('validation', 'createDecisionValidator.ts')} imports '../taxonomy/types'`,
  );
});
