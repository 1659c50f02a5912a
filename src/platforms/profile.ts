/**
 * @fileoverview The face every platform profile shows the generator: what is specific to one
 * external platform (auth, transport, pagination, incremental filter, webhooks, entity resources
 * and mappings, its guide), as data. The generic layer reads a profile through this interface
 * and never names a platform; a profile's templates live in `templates/platforms/<key>/`.
 */
import type { AuthStyle, ConnectorType, EntitySpec } from '../scaffold/catalogue.js';

/** How the platform signs and describes a webhook delivery. */
export interface WebhookScheme {
  /** Header carrying the HMAC-SHA256 of the raw body. */
  signatureHeader: string;
  /** How that digest is encoded in the header. */
  encoding: 'hex' | 'base64';
  /** Header naming the event (topic). */
  topicHeader: string;
  /** Header carrying the delivery's id (de-duplication). */
  idHeader: string;
}

export interface PlatformProfile {
  /** `--platform` value and folder name: `templates/platforms/<key>/`, `references/platforms/<key>.md`. */
  key: string;
  /** Human name, e.g. `Shopify`. */
  title: string;
  /** One line for `--help` and the README: what the profile speaks. */
  summary: string;
  /** Connector types the profile can write (the first is the default). */
  types: ConnectorType[];
  /** Entities the profile implements (undefined: every catalogue entity). */
  entities?: string[];
  /** Auth styles the platform accepts (the first is the default). */
  auth: AuthStyle[];
  transport: 'rest' | 'graphql';
  /** Default API URL of new backends (a profile may derive it from other backend fields). */
  apiUrl: string;
  /** Default page size of new backends: the platform's maximum. */
  pageSize: number;
  webhook: WebhookScheme;
  /** Catalogue entries the platform names or maps otherwise (resource, fields, topics...). */
  entityOverrides: Record<string, Partial<EntitySpec>>;
  /** Whether `templates/platforms/<key>/` holds templates or partials overriding the generic ones. */
  hasTemplates: boolean;
  /** Whether `references/platforms/<key>.md` is the platform's setup guide. */
  hasGuide: boolean;
}
