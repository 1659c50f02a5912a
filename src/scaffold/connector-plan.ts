/**
 * @fileoverview Renders `templates/connector/` for a context: the whole addon as a file map.
 * The manifest is rendered last, from the list of data files the other templates produced, so
 * that the manifest and the tree cannot disagree.
 */
import { templateLayers } from '../platforms/templates.js';
import type { ConnectorContext } from './context.js';
import { orderDataFiles } from './data-order.js';
import { renderTemplateDir, type RenderedFile } from './render.js';

const MANIFEST = '__manifest__.py.hbs';

/** Template folders that exist only with an option. */
const CONDITIONAL: [prefix: string, when: (ctx: ConnectorContext) => boolean][] = [
  ['controllers/', (ctx) => ctx.webhooks],
  ['tests/test_webhook.py.hbs', (ctx) => ctx.webhooks],
  ['tests/test_controller.py.hbs', (ctx) => ctx.webhooks],
  ['tests/test_inventory.py.hbs', (ctx) => ctx.features.inventory],
];

export function includeTemplate(template: string, ctx: ConnectorContext): boolean {
  return CONDITIONAL.every(([prefix, when]) => !template.startsWith(prefix) || when(ctx));
}

export function renderConnector(ctx: ConnectorContext, layers = templateLayers(ctx.platform)): RenderedFile[] {
  const context = ctx as unknown as Record<string, unknown>;
  const body = renderTemplateDir(
    layers.connectorRoots,
    context,
    (template) => template !== MANIFEST && includeTemplate(template, ctx),
    layers.env,
  );
  const withData = { ...ctx, dataFiles: orderDataFiles(body.map((file) => file.path)) };
  const manifest = renderTemplateDir(
    layers.connectorRoots,
    withData as unknown as Record<string, unknown>,
    (t) => t === MANIFEST,
    layers.env,
  );
  return [...manifest, ...body].sort((a, b) => a.path.localeCompare(b.path));
}
