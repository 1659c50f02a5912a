#!/usr/bin/env node
// Reading a large OpenAPI document: several MB, hundreds of schemas and paths, and mapping one of
// its schemas onto an Odoo model (a benchmark, not a test; target < 1 s, JSON and YAML). Imported by scripts/bench.js, or run alone after `npm run build`.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dump as stringify } from 'js-yaml';
import { readOpenApiResource } from '../dist/apispec/read-openapi.js';
import { proposeMapping } from '../dist/apispec/propose-mapping.js';

const SCHEMAS = Number(process.env.BENCH_SCHEMAS ?? 600);
const PROPERTIES = 60;

function bigSpec() {
  const schemas = {};
  const paths = {};
  for (let i = 0; i < SCHEMAS; i++) {
    const properties = { id: { type: 'integer', readOnly: true }, created_at: { type: 'string', format: 'date-time' } };
    for (let p = 0; p < PROPERTIES; p++) {
      properties[`field_${p}`] = p % 7 === 0
        ? { $ref: `#/components/schemas/Resource${(i + p) % SCHEMAS}` }
        : { type: ['string', 'number', 'integer', 'boolean'][p % 4], description: `Property ${p} of resource ${i}: ${'x'.repeat(40)}`, example: p };
    }
    schemas[`Resource${i}`] = { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties }] };
    schemas[`Resource${i}List`] = { type: 'object', properties: { data: { type: 'array', items: { $ref: `#/components/schemas/Resource${i}` } }, next_cursor: { type: 'string' } } };
    paths[`/resources${i}`] = {
      get: {
        parameters: [{ name: 'cursor', in: 'query' }, { name: 'limit', in: 'query' }],
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/Resource${i}List` } } } } },
      },
      post: { requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/Resource${i}` } } } }, responses: { 201: { description: 'ok' } } },
    };
    paths[`/resources${i}/{id}`] = {
      get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/Resource${i}` } } } } } },
    };
  }
  schemas.Base = { type: 'object', properties: { updated_at: { type: 'string', format: 'date-time' } } };
  return { openapi: '3.0.3', info: { title: 'Big', version: '1' }, paths, components: { schemas } };
}

const dir = mkdtempSync(join(tmpdir(), 'odoo-connector-bench-apispec-'));
try {
  const spec = bigSpec();
  for (const [ext, text] of [['json', JSON.stringify(spec, null, 2)], ['yaml', stringify(spec)]]) {
    const file = join(dir, `big.${ext}`);
    writeFileSync(file, text);
    const samples = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const resource = readOpenApiResource(`${file}#Resource${SCHEMAS - 1}`, 'resource');
      await proposeMapping(resource, 'res.partner', new Map());
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const mb = (statSync(file).size / 1e6).toFixed(1);
    console.log(`${`read+map openapi ${ext} ${mb} MB`.padEnd(32)} median ${samples[2].toFixed(1)} ms  min ${samples[0].toFixed(1)} ms  (${SCHEMAS * 2} schemas, 5 runs)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// --from-types: an SDK-sized declaration file (hundreds of interfaces), read with ts-morph; the
// first run includes loading the TypeScript compiler, which only this option pays for.
const { readTypesResource } = await import('../dist/apispec/read-types.js');
const { proposeMapping: propose } = await import('../dist/apispec/propose-mapping.js');
const typesDir = mkdtempSync(join(tmpdir(), 'odoo-connector-bench-types-'));
try {
  const INTERFACES = 400;
  const lines = ['export interface Address { line1: string; city: string; postal_code?: string | null }'];
  for (let i = 0; i < INTERFACES; i++) {
    const props = [`id: string;`, `created_at: Date;`, `status: 'active' | 'archived';`, `address?: Address | null;`];
    for (let p = 0; p < 40; p++) props.push(`field_${p}${p % 3 ? '?' : ''}: ${['string', 'number', 'boolean', `Resource${(i + p) % INTERFACES}`][p % 4]};`);
    lines.push(`/** Resource ${i} */\nexport interface Resource${i} {\n  ${props.join('\n  ')}\n}`);
  }
  const file = join(typesDir, 'sdk.d.ts');
  writeFileSync(file, lines.join('\n'));
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const resource = await readTypesResource(`${file}#Resource${INTERFACES - 1}`, 'resource', typesDir);
    await propose(resource, 'res.partner', new Map());
    samples.push(performance.now() - start);
  }
  const kb = (statSync(file).size / 1e3).toFixed(0);
  console.log(`${`read+map types ${kb} kB`.padEnd(32)} first ${samples[0].toFixed(1)} ms  then ${Math.min(...samples.slice(1)).toFixed(1)} ms  (${INTERFACES} interfaces)`);
} finally {
  rmSync(typesDir, { recursive: true, force: true });
}
