/**
 * @fileoverview Renders a template folder into an in-memory file map. A template's path mirrors the
 * output path: `{{placeholders}}` in names are rendered with the same context and the `.hbs`
 * suffix is dropped; files without it are copied verbatim. A path that mentions `entity.` is
 * rendered once per item of `context.bindings`, with that item as `entity`. Several roots are
 * layers: a file of a later root replaces the file of the same path in an earlier one (a platform
 * profile's templates over the generic ones).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { handlebarsEnv, type TemplateEnv } from './handlebars-env.js';

export interface RenderedFile {
  /** Output path relative to the generated root, with forward slashes. */
  path: string;
  content: string;
  /** The template it came from, for error messages and golden listings. */
  template: string;
}

export type TemplateFilter = (templatePath: string, context: Record<string, unknown>) => boolean;

/** Thrown when a template fails to render: a bug in the tool, reported with the template path. */
export class TemplateError extends Error {
  constructor(template: string, cause: unknown) {
    super(`Error in template ${template}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'TemplateError';
  }
}

export function listTemplates(root: string): string[] {
  return globSync('**/*', { cwd: root, dot: true, onlyFiles: true, ignore: ['**/__pycache__/**', '**/*.pyc'] }).sort();
}

/** Template path -> the file that provides it, the last root having it winning. */
export function layeredTemplates(roots: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const template of listTemplates(root)) files.set(template, join(root, template));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const PER_ENTITY = /\{\{\s*entity\./;

/** Templates rendered once per binding (their path mentions `entity.`). */
export function isPerEntityTemplate(template: string): boolean {
  return PER_ENTITY.test(template);
}

function compile(env: TemplateEnv, source: string, template: string): HandlebarsTemplateDelegate {
  try {
    return env.compile(source, { noEscape: true, strict: true });
  } catch (error) {
    throw new TemplateError(template, error);
  }
}

export function renderTemplateDir(
  roots: string | readonly string[],
  context: Record<string, unknown>,
  include: TemplateFilter = () => true,
  env: TemplateEnv = handlebarsEnv(),
): RenderedFile[] {
  const files: RenderedFile[] = [];
  for (const [template, file] of layeredTemplates(typeof roots === 'string' ? [roots] : roots)) {
    if (!include(template, context)) continue;
    const isTemplate = template.endsWith('.hbs');
    const source = readFileSync(file, 'utf8');
    const body = isTemplate ? compile(env, source, template) : undefined;
    const pathTemplate = compile(env, isTemplate ? template.slice(0, -'.hbs'.length) : template, template);
    const scopes = PER_ENTITY.test(template)
      ? ((context.bindings as Record<string, unknown>[] | undefined) ?? []).map((entity) => ({ ...context, entity }))
      : [context];
    for (const scope of scopes) {
      try {
        files.push({ path: pathTemplate(scope), content: body ? body(scope) : source, template });
      } catch (error) {
        throw new TemplateError(template, error);
      }
    }
  }
  return files;
}

/** Who writes each output path of a template folder: the template, once per binding if per-entity. */
export function renderTemplatePaths(
  roots: string | readonly string[],
  context: Record<string, unknown>,
  include: TemplateFilter = () => true,
  env: TemplateEnv = handlebarsEnv(),
): { path: string; template: string; entity: Record<string, unknown> | undefined }[] {
  const paths: { path: string; template: string; entity: Record<string, unknown> | undefined }[] = [];
  for (const template of layeredTemplates(typeof roots === 'string' ? [roots] : roots).keys()) {
    if (!include(template, context)) continue;
    const pathTemplate = compile(env, template.endsWith('.hbs') ? template.slice(0, -'.hbs'.length) : template, template);
    const entities = PER_ENTITY.test(template) ? ((context.bindings as Record<string, unknown>[] | undefined) ?? []) : [undefined];
    for (const entity of entities) {
      try {
        paths.push({ path: pathTemplate(entity ? { ...context, entity } : context), template, entity });
      } catch (error) {
        throw new TemplateError(template, error);
      }
    }
  }
  return paths;
}
