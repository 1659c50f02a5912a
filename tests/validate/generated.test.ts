/**
 * @fileoverview validate on what `init` and `init-framework` write: every connector type plus the
 * framework must be clean, and a corpus of broken copies of one generated addon (one fault each,
 * injected by string replacement) must each be caught by the expected rule.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { runInitFramework } from '../../src/commands/init-framework.js';
import { memoryIo } from '../../src/io.js';
import { findAddonDirs } from '../../src/odoo/discovery.js';
import { checkAddons } from '../../src/validate/engine.js';

const TYPES = ['ecommerce', 'logistics', 'accounting', 'crm'] as const;
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'oc-generated-'));
  const io = memoryIo(root);
  expect(runInitFramework({ path: 'addons' }, io), io.stderr.join('\n')).toBe(0);
  for (const type of TYPES) expect(runInit(`gen${type}`, { type, path: 'addons' }, io), io.stderr.join('\n')).toBe(0);
});

describe('validate on generated addons', () => {
  it('reports no error on the framework and one connector of each type', async () => {
    const dirs = findAddonDirs([join(root, 'addons')], root);
    expect(dirs.length).toBeGreaterThanOrEqual(TYPES.length + 2);
    const r = await checkAddons(dirs, { cwd: root });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
  });
});

interface Fault {
  name: string;
  file: string;
  find: string | RegExp;
  replace: string;
  rule: string;
  /** Where the finding is reported, when not in `file`. */
  at?: string;
}

const A = 'genecommerce_connector';
const FAULTS: Fault[] = [
  { name: 'missing view field', file: 'views/genecommerce_product_product_views.xml', find: '<field name="backend_id" />', replace: '<field name="backend_idx" />', rule: 'view-unknown-field' },
  { name: 'wrong access model id', file: 'security/ir.model.access.csv', find: 'model_genecommerce_backend,', replace: 'model_genecommerce_backnd,', rule: 'access-unknown-ref' },
  { name: 'forward reference (menus before actions)', file: '__manifest__.py', find: /("security\/ir\.model\.access\.csv",)([\s\S]*?)\n\s*"views\/genecommerce_menus\.xml",/, replace: '"views/genecommerce_menus.xml",\n        $1$2', rule: 'xml-unknown-ref', at: 'views/genecommerce_menus.xml' },
  { name: 'missing data file', file: '__manifest__.py', find: '"data/ir_cron_data.xml",', replace: '"data/ir_cron_data.xml",\n        "data/missing.xml",', rule: 'manifest-missing-file' },
  { name: 'syntax error', file: 'models/genecommerce_binding.py', find: /$/, replace: '\n\ndef broken(:\n    pass\n', rule: 'python-syntax' },
  { name: 'unregistered component file', file: 'components/__init__.py', find: 'from . import importer  # noqa: F401\n', replace: '', rule: 'component-not-imported', at: 'components/importer.py' },
  { name: 'binding without unique constraint', file: 'models/product_product.py', find: /_inherit = "genecommerce\.binding"([\s\S]*?)_sql_constraints = /, replace: '_inherit = "external.binding"$1_constraints_removed = ', rule: 'binding-missing-unique' },
  { name: 'job function on an abstract model', file: 'data/queue_job_data.xml', find: 'ref="model_genecommerce_product_product"', replace: 'ref="model_genecommerce_binding"', rule: 'job-function-abstract-model' },
  { name: 'job function on an unknown method', file: 'data/queue_job_data.xml', find: /<field name="method">import_record<\/field>/, replace: '<field name="method">import_recrod</field>', rule: 'job-function-unknown-method' },
  { name: 'cron numbercall 1', file: 'data/ir_cron_data.xml', find: '<field name="numbercall">-1</field>', replace: '', rule: 'cron-numbercall' },
  // a hand-written check replacing the framework's constant-time one
  {
    name: 'webhook signature compared with ==',
    file: 'models/genecommerce_backend.py',
    find: /return self\._hmac_digest_matches\([\s\S]*?\n        \)\n/,
    replace: 'expected = hmac.new(self.sudo().webhook_secret.encode(), raw_body, hashlib.sha256).hexdigest()\n        return expected == signature\n',
    rule: 'webhook-compare-digest',
  },
  { name: 'json webhook route', file: 'controllers/main.py', find: 'type="http",', replace: 'type="json",', rule: 'webhook-json-route' },
  { name: 'secret field without groups', file: 'models/genecommerce_backend.py', find: /(webhook_secret = fields\.Char\(\s*)groups="[^"]*",\s*/, replace: '$1', rule: 'secret-field-groups' },
  { name: 'backend not on generic.backend', file: 'models/genecommerce_backend.py', find: '_inherit = "generic.backend"', replace: '_inherit = "connector.backend"', rule: 'connector-backend-inherit' },
  { name: 'binder restricted to another model', file: 'components/binder.py', find: /(_inherit = \[[^\]]*\]\n)/, replace: '$1    _apply_on = ["genecommerce.sale.order"]\n', rule: 'component-missing-binder', at: 'models/product_product.py' },
];

describe('validate catches each fault of the corpus', () => {
  it.each(FAULTS)('$name → $rule', async (fault) => {
    const copy = join(mkdtempSync(join(tmpdir(), 'oc-fault-')), 'addons');
    cpSync(join(root, 'addons'), copy, { recursive: true });
    const path = join(copy, A, fault.file);
    const before = readFileSync(path, 'utf8');
    const after = before.replace(fault.find, fault.replace);
    expect(after, `the fault was not injected into ${fault.file}`).not.toBe(before);
    writeFileSync(path, after);
    const r = await checkAddons(findAddonDirs([copy], copy), { cwd: copy });
    const hits = r.diagnostics.filter((d) => d.ruleId === fault.rule);
    expect(hits.map((d) => d.file), JSON.stringify(r.diagnostics.map((d) => `${d.file} ${d.ruleId}`))).toContain(`${A}/${fault.at ?? fault.file}`);
  });
});
