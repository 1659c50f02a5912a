import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChild, runInProcess, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

interface Scenario {
  name: string;
  args: string[];
  exitCode: number;
  stdout?: RegExp;
  stderr?: RegExp;
  /** Files that must exist after the run (relative to the scenario's folder). */
  writes?: string[];
  /** True when the folder must stay empty. */
  writesNothing?: boolean;
  /** Prepare the scenario's folder before running. */
  setup?: (dir: string) => void;
}

const scenarios: Scenario[] = [
  {
    name: 'writes a connector addon',
    args: ['init', 'shopify', '--type', 'ecommerce', '--path', 'addons'],
    exitCode: 0,
    stdout: /CREATE __manifest__\.py/,
    writes: ['addons/shopify_connector/__manifest__.py', 'addons/shopify_connector/.odoo-connector.json'],
  },
  {
    name: 'accepts the init-connector alias and a _connector suffix',
    args: ['init-connector', 'zid_connector', '--type', 'crm', '--auth', 'bearer'],
    exitCode: 0,
    writes: ['zid_connector/__manifest__.py'],
  },
  {
    name: 'refuses an unknown platform before writing',
    args: ['init', 'shop', '--platform', 'magento2'],
    exitCode: 2,
    stderr: /--platform/,
    writesNothing: true,
  },
  {
    name: 'records the platform profile of a generic connector',
    args: ['init', 'acme', '--platform', 'generic', '--json'],
    exitCode: 0,
    stdout: /"platform": "generic"/,
    writes: ['acme_connector/.odoo-connector.json'],
  },
  {
    name: 'dry run prints the plan and writes nothing',
    args: ['init', 'shopify', '--dry-run'],
    exitCode: 0,
    stdout: /CREATE __manifest__\.py \(\d+ bytes\)[\s\S]*--dry-run: no changes were made/,
    writesNothing: true,
  },
  {
    name: 'json output lists what would be written',
    args: ['init', 'shopify', '--dry-run', '--json'],
    exitCode: 0,
    stdout: /"command": "init"[\s\S]*"kind": "create"/,
    writesNothing: true,
  },
  {
    name: 'refuses an existing target without --force',
    args: ['init', 'shopify'],
    setup: (dir) => {
      mkdirSync(join(dir, 'shopify_connector'));
      writeFileSync(join(dir, 'shopify_connector', 'keep.txt'), 'mine');
    },
    exitCode: 1,
    stderr: /shopify_connector already exists: nothing was written\. Use --force/,
  },
  {
    name: 'overwrites an existing target with --force',
    args: ['init', 'shopify', '--force'],
    setup: (dir) => mkdirSync(join(dir, 'shopify_connector')),
    exitCode: 0,
    writes: ['shopify_connector/__manifest__.py'],
  },
  ...[
    'shop"ify',
    "shop'; import os",
    'shop\nify',
    'shop.ify',
    'shop ify',
    'Shopify',
    'class',
    'base',
  ].map((name) => ({
    name: `refuses the name ${JSON.stringify(name)}`,
    args: ['init', name],
    exitCode: 2,
    stderr: /Connector name .* is (invalid|reserved)/,
    writesNothing: true,
  })),
  {
    name: 'refuses an unknown type',
    args: ['init', 'shopify', '--type', 'erp'],
    exitCode: 2,
    stderr: /Allowed choices are ecommerce, logistics, accounting, crm/,
    writesNothing: true,
  },
  {
    name: 'refuses an unknown auth style',
    args: ['init', 'shopify', '--auth', 'magic'],
    exitCode: 2,
    stderr: /Allowed choices are api_key, bearer, basic, oauth2, hmac/,
    writesNothing: true,
  },
  {
    name: 'refuses an unknown entity and lists the valid ones',
    args: ['init', 'shopify', '--platform', 'generic', '--entities', 'product,unicorn'],
    exitCode: 2,
    stderr: /Unknown entity "unicorn" in --entities\. Valid entities: product, customer/,
    writesNothing: true,
  },
  {
    name: 'says that the name picked the Shopify profile',
    args: ['init', 'shopify', '--path', 'addons'],
    exitCode: 0,
    stdout: /Platform profile: Shopify \(the shopify name picks it; --platform generic for a plain REST connector\)/,
    writes: ['addons/shopify_connector/controllers/main.py'],
  },
  {
    name: 'refuses an entity the Shopify profile does not implement',
    args: ['init', 'shopify', '--entities', 'invoice'],
    exitCode: 2,
    stderr: /--entities: invoice is not implemented by the Shopify profile\. It implements: product, customer, order, inventory/,
    writesNothing: true,
  },
  {
    name: 'refuses an auth style Shopify does not accept',
    args: ['init', 'shopify', '--auth', 'oauth2'],
    exitCode: 2,
    stderr: /--auth with --platform shopify/,
    writesNothing: true,
  },
  {
    name: 'refuses two entities on one Odoo model',
    args: ['init', 'hub', '--entities', 'customer,contact'],
    exitCode: 2,
    stderr: /both bind res\.partner/,
    writesNothing: true,
  },
  {
    name: 'refuses an API URL that could inject code',
    args: ['init', 'shopify', '--api-url', 'https://x.test/"+__import__("os")+"'],
    exitCode: 2,
    stderr: /Invalid --api-url/,
    writesNothing: true,
  },
  {
    name: 'refuses a license Odoo does not know',
    args: ['init', 'shopify', '--license', 'MIT'],
    exitCode: 2,
    stderr: /Odoo 16 accepts: GPL-2/,
    writesNothing: true,
  },
  {
    name: 'refuses an author spanning lines',
    args: ['init', 'shopify', '--author', 'a\nb'],
    exitCode: 2,
    stderr: /Invalid --author/,
    writesNothing: true,
  },
  {
    name: 'shows help with examples',
    args: ['init', '--help'],
    exitCode: 0,
    stdout: /Platforms[\s\S]*  generic [\s\S]*Examples:[\s\S]*npx odoo-connector init shopify --path \.\/addons/,
  },
  {
    name: 'prints its version',
    args: ['--version'],
    exitCode: 0,
    stdout: /^\d+\.\d+\.\d+$/,
  },
];

const root = tempDir('cli-init');
let counter = 0;

function check(scenario: Scenario, dir: string, result: CliResult): void {
  expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(scenario.exitCode);
  if (scenario.stdout) expect(result.stdout).toMatch(scenario.stdout);
  if (scenario.stderr) expect(result.stderr).toMatch(scenario.stderr);
  if (scenario.exitCode !== 0) expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  for (const file of scenario.writes ?? []) expect(existsSync(join(dir, file)), file).toBe(true);
  if (scenario.writesNothing) expect(readdirSync(dir)).toEqual([]);
}

for (const [mode, runner] of [
  ['in-process', runInProcess],
  ['child process', runChild],
] as const) {
  describe(`init (${mode})`, () => {
    it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
      const dir = join(root, String(counter++));
      mkdirSync(dir);
      scenario.setup?.(dir);
      const result = await runner(scenario.args, dir);
      check(scenario, dir, result);
    });
  });
}
