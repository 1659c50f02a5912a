/** The option sets the quality and golden tests generate. */
import type { AuthStyle, ConnectorType } from '../../src/scaffold/catalogue.js';
import { AUTH_STYLES, CONNECTOR_TYPES } from '../../src/scaffold/catalogue.js';

export const TYPES = Object.keys(CONNECTOR_TYPES) as ConnectorType[];
export const AUTHS = Object.keys(AUTH_STYLES) as AuthStyle[];

export { GOLDEN_NAME, GOLDEN_PRESETS } from '../../scripts/golden-presets.js';
