/**
 * @fileoverview add-binding's `--from-openapi` and `--from-types`: reads the description, proposes the mapping onto
 * the Odoo model (the addon's other bindings resolve ids through their binders) and applies it
 * to the entity. Kept apart from binding-plan.ts, which only calls it.
 */
import type { ConnectorAddon } from '../scaffold/connector-addon.js';
import type { EntitySpec } from '../scaffold/catalogue.js';
import { describedEntity } from './described-entity.js';
import type { ExternalResource } from './model.js';
import { proposeMapping, type MappingProposal } from './propose-mapping.js';
import { readOpenApiResource } from './read-openapi.js';
import { UsageError } from '../errors.js';

export interface SpecSource {
  /** `SPEC[#pointer]`, the file resolved from `cwd`. */
  fromOpenapi?: string;
  /** `FILE.d.ts#TypeName` or `package#TypeName`, resolved from `cwd`. */
  fromTypes?: string;
  cwd?: string;
  direction?: string;
  externalName?: string;
}

export interface DescribedBinding {
  spec: EntitySpec;
  resource: ExternalResource;
  proposal: MappingProposal;
}

/** Odoo model -> entity key of the addon's bindings whose entity is known. */
function boundEntities(addon: ConnectorAddon, catalogue: Record<string, EntitySpec>): Map<string, string> {
  const out = new Map<string, string>();
  for (const binding of addon.bindings) {
    const key = Object.keys(catalogue).find((k) => catalogue[k]!.odooModel === binding.odooModel && addon.entities.includes(k)) ?? binding.odooModel;
    out.set(binding.odooModel, key);
  }
  return out;
}

export async function planFromSpec(
  spec: EntitySpec,
  source: SpecSource,
  addon: ConnectorAddon,
  catalogue: Record<string, EntitySpec>,
): Promise<DescribedBinding | undefined> {
  const resource = await describedResource(source, spec.key);
  if (!resource) return undefined;
  const proposal = await proposeMapping(resource, spec.odooModel, boundEntities(addon, catalogue));
  return { spec: describedEntity(spec, resource, proposal, source, (key) => catalogue[key] !== undefined), resource, proposal };
}

/** The external resource the options describe, if any. */
export async function describedResource(source: SpecSource, entity: string): Promise<ExternalResource | undefined> {
  if (source.fromOpenapi !== undefined && source.fromTypes !== undefined) {
    throw new UsageError('--from-openapi and --from-types both describe the resource: give one of them.');
  }
  if (source.fromOpenapi !== undefined) return readOpenApiResource(source.fromOpenapi, entity, source.cwd);
  if (source.fromTypes === undefined) return undefined;
  // the TypeScript compiler is loaded only for this option
  const { readTypesResource } = await import('./read-types.js');
  return readTypesResource(source.fromTypes, entity, source.cwd ?? process.cwd());
}

/** The proposal as text lines for --dry-run: external field -> Odoo field (conversion). */
export function proposalLines(described: DescribedBinding): string[] {
  const { resource, proposal } = described;
  const ops = resource.operations;
  const lines = [
    `Mapping proposal from ${resource.pointer} onto ${proposal.model}${proposal.typesKnown ? '' : ' (its field types are unknown: same-name text fields only)'}:`,
    ...proposal.mapped.map((m) => `  ${m.external} (${m.externalType}) -> ${m.odoo} (${m.odooType}, ${m.conversion}${m.selection ? ` ${JSON.stringify(m.selection)}` : ''}${m.importOnly ? ', import only' : ''})`),
    ...proposal.unmapped.map((u) => `  ${u.external} (${u.externalType}): not mapped, ${u.reason}`),
    ...(proposal.nameParts ? [`  ${proposal.nameParts.first} + ${proposal.nameParts.last} -> name (joined on import; split at the first space on export)`] : []),
    ...proposal.suggestions.map((s) => `  suggestion: ${s}`),
  ];
  if (ops) {
    const page = ops.pagination.style === 'none' ? 'no pagination declared' : `${ops.pagination.style} pagination`;
    lines.push(`Resource ${ops.path}: ${ops.verbs.join(', ')}; ${ops.itemsKey ? `records under "${ops.itemsKey}"` : 'a bare list'}; ${page}.`);
  }
  return [...lines, ...resource.notes];
}
