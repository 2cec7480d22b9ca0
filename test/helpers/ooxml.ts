/**
 * Validate a produced .pptx against the ISO/IEC 29500-4 transitional schemas
 * in test/ooxml-schemas/ (see its README: one erratum patch in dml-main.xsd,
 * and the pptxgenjs 4.0.1 defects these checks are expected to catch).
 *
 * Uses xmllint-wasm (libxml2 compiled to WebAssembly), so CI needs no native
 * xmllint. Each validateXML call starts a worker, instantiates the wasm module
 * and compiles the schema set, so parts are validated in batches: one xmllint
 * run per schema (pml.xsd for PresentationML parts, dml-main.xsd for themes,
 * dml-chart.xsd for charts),
 * run concurrently, with every part of the batch as an input file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readZip } from '../../src/util/zip.js';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { parseXml } from './xml.js';

export interface PartErrors {
  /** Part name in the package, e.g. `ppt/slides/slide3.xml`. */
  part: string;
  /** xmllint messages (`line N: …`), namespace URIs shortened to a:/p:/r:/p14: prefixes. */
  errors: string[];
}

export interface ValidateOptions {
  /**
   * Also check that every other XML part (.rels, [Content_Types].xml,
   * docProps/*, ppt/presProps.xml, charts…) is well-formed, with the parser
   * from ./xml.ts. No schema is applied to those. Default true.
   */
  wellFormedOthers?: boolean;
}

const SCHEMA_DIR = fileURLToPath(new URL('../ooxml-schemas/', import.meta.url));

/** Parts validated against pml.xsd. */
export const PML_PART =
  /^ppt\/(?:(?:slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml|presentation\.xml)$/;
/** Parts validated against dml-main.xsd (roots a:theme, a:tblStyleLst). */
export const THEME_PART = /^ppt\/theme\/[^/]+\.xml$|^ppt\/tableStyles\.xml$/;

/** Chart parts, validated against dml-chart.xsd (root c:chartSpace). */
export const CHART_PART = /^ppt\/charts\/chart\d+\.xml$/;

let schemaFiles: Promise<XMLFileInfo[]> | undefined;

/** All .xsd files of test/ooxml-schemas, read once per process. */
function loadSchemas(): Promise<XMLFileInfo[]> {
  schemaFiles ??= (async () => {
    const names = (await readdir(SCHEMA_DIR)).filter((n) => n.endsWith('.xsd')).sort();
    return Promise.all(
      names.map(async (fileName) => ({ fileName, contents: await readFile(SCHEMA_DIR + fileName, 'utf8') })),
    );
  })();
  return schemaFiles;
}

const NS_PREFIX: [string, string][] = [
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'a'],
  ['http://schemas.openxmlformats.org/presentationml/2006/main', 'p'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'r'],
  ['http://schemas.microsoft.com/office/powerpoint/2010/main', 'p14'],
];

function shorten(msg: string): string {
  let s = msg.replace(/^(?:element \S+: )?Schemas validity error : /, '');
  for (const [uri, prefix] of NS_PREFIX) s = s.split(`{${uri}}`).join(`${prefix}:`);
  return s;
}

/** Natural order: slide2 before slide10. */
function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * Run one xmllint batch: `files` validated against `schemaName` (the other
 * .xsd files preloaded into the in-memory file system so xsd:import
 * schemaLocation="dml-main.xsd" etc. resolve). Returns errors per part.
 */
async function runBatch(
  schemaName: string,
  files: { part: string; contents: Uint8Array }[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!files.length) return out;
  const schemas = await loadSchemas();
  const main = schemas.find((s) => s.fileName === schemaName);
  if (!main) throw new Error(`schema ${schemaName} not found in ${SCHEMA_DIR}`);
  // Synthetic flat file names: no directories, spaces or colons that could
  // confuse xmllint's "file:line: message" output.
  const byFile = new Map(files.map((f, i) => [`doc/part-${i}.xml`, f.part]));
  const xml = files.map((f, i) => ({ fileName: `doc/part-${i}.xml`, contents: f.contents }));

  let raw: string;
  try {
    const res = await validateXML({
      xml,
      schema: [main],
      preload: schemas.filter((s) => s !== main),
      // Compiling pml.xsd + dml-main.xsd needs more than the 32 MiB default.
      initialMemoryPages: 64 * 16,
      maxMemoryPages: 1024 * 16,
    });
    if (res.valid) return out;
    raw = res.rawOutput;
  } catch (e) {
    // xmllint exits with an "unclassified" code for some failures (e.g. only
    // unparsable inputs); xmllint-wasm then rejects with stderr as message.
    const message = e instanceof Error ? e.message : String(e);
    if (![...byFile.keys()].some((f) => message.includes(`${f}:`))) throw e;
    raw = message;
  }

  const unattributed: string[] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const m = /^(doc\/part-\d+\.xml)(?::(\d+):\s*(.*)| (.*))$/.exec(line);
    const part = m && byFile.get(m[1]);
    if (!m || !part) {
      // Context lines xmllint prints under a parser error (source excerpt, caret).
      unattributed.push(line);
      continue;
    }
    const list = out.get(part) ?? [];
    if (m[2] !== undefined) list.push(`line ${m[2]}: ${shorten(m[3])}`);
    else if (m[4] === 'validates') continue;
    else if (m[4] === 'fails to validate') {
      if (!list.length) list.push('fails to validate (xmllint gave no detail)');
    } else list.push(m[4]);
    out.set(part, list);
  }
  if (!out.size)
    throw new Error(`xmllint reported a failure that could not be attributed to a part:\n${unattributed.join('\n')}`);
  return out;
}

/**
 * Validate the PresentationML parts of a deck against pml.xsd, its themes
 * against dml-main.xsd and its charts against dml-chart.xsd. Returns only the parts that have errors (so `[]`
 * means valid), sorted by part name in natural order.
 */
export async function validatePptx(buf: Uint8Array, options: ValidateOptions = {}): Promise<PartErrors[]> {
  const files = new Map(readZip(buf).map((e) => [e.name, e.data]));
  const names = [...files.keys()].sort(naturalCompare);
  const read = async (part: string) => ({ part, contents: files.get(part)! });
  const pml = await Promise.all(names.filter((n) => PML_PART.test(n)).map(read));
  const themes = await Promise.all(names.filter((n) => THEME_PART.test(n)).map(read));
  if (!pml.some((f) => f.part === 'ppt/presentation.xml'))
    return [{ part: 'ppt/presentation.xml', errors: ['part missing from the package'] }];

  const charts = await Promise.all(names.filter((n) => CHART_PART.test(n)).map(read));
  const [pmlErrors, themeErrors, chartErrors] = await Promise.all([
    runBatch('pml.xsd', pml),
    runBatch('dml-main.xsd', themes),
    runBatch('dml-chart.xsd', charts),
  ]);
  const all = new Map([...pmlErrors, ...themeErrors, ...chartErrors]);

  if (options.wellFormedOthers ?? true) {
    const others = names.filter(
      (n) => /\.(?:xml|rels)$/i.test(n) && !PML_PART.test(n) && !THEME_PART.test(n) && !CHART_PART.test(n),
    );
    for (const part of others) {
      const text = new TextDecoder().decode(files.get(part)!);
      try {
        parseXml(text, part);
      } catch (e) {
        all.set(part, [`not well-formed: ${e instanceof Error ? e.message : String(e)}`]);
      }
    }
  }

  return [...all].map(([part, errors]) => ({ part, errors })).sort((a, b) => naturalCompare(a.part, b.part));
}

/** Format validatePptx output for a test failure message. */
export function formatValidation(results: readonly PartErrors[]): string {
  return results.map((r) => `${r.part}\n${r.errors.map((e) => `  ${e}`).join('\n')}`).join('\n');
}
