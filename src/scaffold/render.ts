/**
 * @fileoverview Renders a template folder into an in-memory file map. A template's path mirrors the
 * output path: `{{placeholders}}` in names are rendered with the same context and the `.hbs`
 * suffix is dropped; files without it are copied verbatim. A path that mentions `entity.` is
 * rendered once per item of `context.bindings`, with that item as `entity`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { handlebarsEnv } from './handlebars-env.js';

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

const PER_ENTITY = /\{\{\s*entity\./;

/** Templates rendered once per binding (their path mentions `entity.`). */
export function isPerEntityTemplate(template: string): boolean {
  return PER_ENTITY.test(template);
}

function compile(source: string, template: string): HandlebarsTemplateDelegate {
  try {
    return handlebarsEnv().compile(source, { noEscape: true, strict: true });
  } catch (error) {
    throw new TemplateError(template, error);
  }
}

export function renderTemplateDir(
  root: string,
  context: Record<string, unknown>,
  include: TemplateFilter = () => true,
): RenderedFile[] {
  const files: RenderedFile[] = [];
  for (const template of listTemplates(root)) {
    if (!include(template, context)) continue;
    const isTemplate = template.endsWith('.hbs');
    const source = readFileSync(join(root, template), 'utf8');
    const body = isTemplate ? compile(source, template) : undefined;
    const pathTemplate = compile(isTemplate ? template.slice(0, -'.hbs'.length) : template, template);
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
  root: string,
  context: Record<string, unknown>,
  include: TemplateFilter = () => true,
): { path: string; template: string; entity: Record<string, unknown> | undefined }[] {
  const paths: { path: string; template: string; entity: Record<string, unknown> | undefined }[] = [];
  for (const template of listTemplates(root)) {
    if (!include(template, context)) continue;
    const pathTemplate = compile(template.endsWith('.hbs') ? template.slice(0, -'.hbs'.length) : template, template);
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
