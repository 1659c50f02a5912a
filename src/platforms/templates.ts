/**
 * @fileoverview Where a profile's templates sit: `templates/platforms/<key>/connector/` mirrors
 * `templates/connector/` (a file there replaces the generic file of the same path, a new path
 * adds a file) and `templates/platforms/<key>/partials/` replaces generic partials by name.
 */
import { join } from 'node:path';
import { handlebarsEnv, partialsRoot, type TemplateEnv } from '../scaffold/handlebars-env.js';
import { templatesRoot } from '../util/package-paths.js';
import type { PlatformProfile } from './profile.js';

export const connectorTemplates = join(templatesRoot, 'connector');

export interface TemplateLayers {
  /** Roots of the connector tree, generic first. */
  connectorRoots: string[];
  env: TemplateEnv;
}

export function templateLayers(profile: Pick<PlatformProfile, 'key' | 'hasTemplates'>): TemplateLayers {
  if (!profile.hasTemplates) return { connectorRoots: [connectorTemplates], env: handlebarsEnv() };
  const own = join(templatesRoot, 'platforms', profile.key);
  return {
    connectorRoots: [connectorTemplates, join(own, 'connector')],
    env: handlebarsEnv([partialsRoot, join(own, 'partials')]),
  };
}
