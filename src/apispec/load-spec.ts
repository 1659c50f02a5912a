/**
 * @fileoverview Reads an OpenAPI 3.0/3.1 document (JSON or YAML) from a file, refusing clearly
 * what is not one.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { UsageError } from '../errors.js';

export interface LoadedSpec {
  file: string;
  doc: Record<string, unknown>;
  version: '3.0' | '3.1';
}

/** `file` as the user gave it (messages name it so), read relative to `cwd`. */
export function loadSpec(file: string, cwd = process.cwd()): LoadedSpec {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read the OpenAPI document (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let doc: unknown;
  try {
    // JSON is YAML, but the JSON parser is several times faster on large documents
    doc = extname(file).toLowerCase() === '.json' || /^\s*\{/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON or YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`${file}: not an OpenAPI document (expected an object at the top).`);
  const record = doc as Record<string, unknown>;
  const declared = record.openapi;
  if (typeof declared !== 'string' || !/^3\.[01]\./.test(declared)) {
    const what = typeof record.swagger === 'string' ? `Swagger ${record.swagger}` : `openapi: ${JSON.stringify(declared ?? null)}`;
    throw new UsageError(`${file}: ${what} is not supported: give an OpenAPI 3.0 or 3.1 document (convert Swagger 2.0 with swagger2openapi).`);
  }
  return { file, doc: record, version: declared.startsWith('3.1') ? '3.1' : '3.0' };
}
