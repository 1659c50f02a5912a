/**
 * @fileoverview Commander wiring only: commands, options and help text. Each command's module is
 * imported when that command runs, so `--help` loads no parser or template engine.
 */
import { Command, CommanderError, Option } from 'commander';
import { isKnownError } from './errors.js';
import { PLATFORM_KEYS, platformHelp } from './platforms/registry.js';
import { processIo, type Io } from './io.js';
import { packageVersion } from './util/package-paths.js';
import { ECHO_LIMIT } from './util/quote.js';

function initHelp(): string {
  return `
Platforms (--platform; a known name picks its own, other names get generic):
${platformHelp()}

Examples:
  $ npx odoo-connector init shopify --path ./addons
  $ npx odoo-connector init mystore --platform generic --type ecommerce --path ./addons
  $ npx odoo-connector init dhl --type logistics --auth basic --api-url https://api.dhl.example/v2
  $ npx odoo-connector init quickbooks --type accounting --auth oauth2 --entities invoice,customer
  $ npx odoo-connector init hubspot --type crm --auth bearer --no-webhooks --dry-run`;
}

const ADD_BINDING_EXAMPLES = `
Examples:
  $ npx odoo-connector add-binding ./addons/shopify_connector customer --odoo-model res.partner
  $ cd addons/shopify_connector && npx odoo-connector add-binding invoice
  $ npx odoo-connector add-binding purchase_order --odoo-model purchase.order --direction export --dry-run
  $ npx odoo-connector add-binding contact --odoo-model res.partner --from-openapi api.yaml#/components/schemas/Contact --dry-run`;

const FRAMEWORK_EXAMPLES = `
Examples:
  $ npx odoo-connector init-framework --path ./addons
  $ npx odoo-connector init-framework --path ./addons --dry-run --json`;

/** Commander repeats a refused argument in full: a 5,000-character value is cut to its start. */
function cutLongArguments(message: string): string {
  return message.replace(/'([^'\n]{61,})'/g, (_match, value: string) => `'${value.slice(0, ECHO_LIMIT)}…' (${value.length} characters)`);
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('odoo-connector')
    .description('Write, grow and check Odoo 16 connector addons on OCA connector and generic_connector.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(cutLongArguments(s.trimEnd())) });

  program
    .command('init')
    .alias('init-connector')
    .argument('<name>', 'external system name, e.g. shopify (the addon is <name>_connector)')
    .description('Write a complete, installable connector addon')
    .addOption(new Option('--platform <platform>', 'platform profile (default: the one named <name>, else generic)').choices([...PLATFORM_KEYS]))
    .addOption(new Option('--type <type>', 'connector type (default: ecommerce, or the platform\'s)').choices(['ecommerce', 'logistics', 'accounting', 'crm']))
    .option('--path <dir>', 'folder to write the addon into', '.')
    .option('--entities <list>', 'comma-separated entities (default: per type)')
    .addOption(new Option('--auth <style>', 'authentication style (default: api_key, or the platform\'s)').choices(['api_key', 'bearer', 'basic', 'oauth2', 'hmac']))
    .option('--api-url <url>', 'base URL of the external API (default: the platform\'s, or https://api.example.com/v1)')
    .option('--from-openapi <spec>', 'take the API URL (servers), auth style (securitySchemes) and entity schemas from an OpenAPI document')
    .option('--from-types <types>', 'resolve --entities to the types of TypeScript declarations: FILE.d.ts or package (from node_modules)')
    .option('--author <name>', 'manifest author', 'odoo-connector')
    .option('--website <url>', 'manifest website', 'https://github.com/odoo-connector/odoo-connector')
    .option('--license <license>', 'manifest license (an Odoo 16 license value)', 'LGPL-3')
    .option('--no-webhooks', 'do not generate the webhook controller')
    .option('--addons-path <dirs>', 'comma-separated addons folders where generic_connector may already be')
    .option('--dry-run', 'print what would be written and write nothing')
    .option('--force', 'overwrite files of an existing addon')
    .option('--json', 'print a machine-readable result')
    .addHelpText('after', initHelp)
    .action(async (name: string, options: Record<string, unknown>) => {
      const { runInit } = await import('./commands/init.js');
      setExit(await runInit(name, options, io));
    });

  program
    .command('add-binding')
    .argument('[connector_path]', 'the connector addon (default: the nearest folder upwards with a __manifest__.py)')
    .argument('[entity]', 'entity to add, e.g. customer, or any name with --odoo-model')
    .description('Add one entity (binding, views, access, components, jobs, cron, test) to an existing connector addon')
    .option('--odoo-model <model>', 'Odoo model to bind (required for entities outside the catalogue)')
    .option('--external-name <name>', 'resource name on the external API (default: the entity in plural)')
    .addOption(new Option('--direction <direction>', 'synchronization direction').choices(['import', 'export', 'both']))
    .option('--from-openapi <spec>', 'map fields, path and pagination from an OpenAPI 3.0/3.1 document: SPEC[#/components/schemas/Name]')
    .option('--from-types <types>', 'map fields from TypeScript declarations: FILE.d.ts#TypeName or package#TypeName (from node_modules)')
    .option('--dry-run', 'print the changes as a unified diff and write nothing')
    .option('--force', 'rewrite the files of an existing binding')
    .option('--json', 'print a machine-readable result')
    .addHelpText('after', ADD_BINDING_EXAMPLES)
    .action(async (first: string | undefined, second: string | undefined, options: Record<string, unknown>) => {
      const { runAddBinding } = await import('./commands/add-binding.js');
      setExit(await runAddBinding(first, second, options, io));
    });

  program
    .command('init-framework')
    .description('Write the open generic_connector and connector_base_backend addons (and their test addon)')
    .option('--path <dir>', 'folder to write the addons into', '.')
    .option('--dry-run', 'print what would be written and write nothing')
    .option('--force', 'overwrite existing framework files')
    .option('--json', 'print a machine-readable result')
    .addHelpText('after', FRAMEWORK_EXAMPLES)
    .action(async (options: Record<string, unknown>) => {
      const { runInitFramework } = await import('./commands/init-framework.js');
      setExit(runInitFramework(options, io));
    });

  program
    .command('validate')
    .alias('validate-connector')
    .argument('<paths...>', 'addon folders or repositories (every folder with a __manifest__.py below them)')
    .description('Check Odoo 16 addons statically: what Odoo would refuse at install, or what breaks a connector at run time')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif', 'github']).default('text'))
    .option('--addons-path <dirs>', 'comma-separated addons folders read for knowledge (models, fields, xml ids), not reported on')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (a whole number, 0 or more)')
    .option('--rule <id=severity>', 'set a rule to off|warn|error (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--disable <id>', 'turn a rule off (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--json', 'same as --format json')
    .option('--changed [ref]', 'only addons with files changed against REF (default: the merge base with the default branch) and the addons depending on them; put the paths first')
    .addHelpText('after', `
Examples:
  $ npx odoo-connector validate ./addons/shopify_connector
  $ npx odoo-connector validate . --addons-path ../odoo/addons,../oca --format sarif > results.sarif
  $ npx odoo-connector validate . --format github --max-warnings 0 --rule access-missing-row=error
  $ npx odoo-connector validate . --changed               # what the branch changed since the default branch, uncommitted files too
  $ npx odoo-connector validate ./addons --changed v1.2.0  # since the merge base with the tag v1.2.0`)
    .action(async (paths: string[], options: Record<string, unknown>) => {
      const { runValidate } = await import('./commands/validate.js');
      setExit(await runValidate(paths, options, io));
    });

  return program;
}

/** Runs the CLI and returns its exit code: 0 success, 1 refused or errors found, 2 usage or internal error. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isKnownError(error)) {
      io.err(`${io.color.red('error')} ${error.message}`);
      return error.exitCode;
    }
    io.err('Oops! Something went wrong! This is a bug in odoo-connector; please report it with the output below.');
    io.err(`odoo-connector ${packageVersion()}`);
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 2;
  }
}
