/**
 * @fileoverview What the mapping needs to know about an external resource, whatever described
 * it (an OpenAPI document or TypeScript declarations): its fields with their types, and, when
 * the description has operations, where the records live and how their lists are paginated.
 */

export type ExternalType = 'string' | 'number' | 'integer' | 'boolean' | 'date-time' | 'date' | 'enum' | 'array' | 'object';

export interface ExternalField {
  name: string;
  type: ExternalType;
  required: boolean;
  /** Set by the server only (`readOnly`, `created_at`): never written by an export. */
  readOnly: boolean;
  /** Enum values (type `enum`). */
  values?: string[];
  /** Item type of an array. */
  items?: ExternalField;
  /** Properties of a nested object (an address), when expanded. */
  fields?: ExternalField[];
  /** Name of the schema/type it was referenced by (`Address`), if any. */
  refName?: string;
  /** `example` or `default` of the description, if any. */
  example?: unknown;
  /** Where it was declared (`spec.yaml#/components/schemas/Customer/properties/email`). */
  pointer: string;
}

export type Verb = 'list' | 'read' | 'create' | 'update' | 'delete';

export type Pagination =
  | { style: 'page'; pageParam: string; sizeParam: string }
  | { style: 'offset'; offsetParam: string; limitParam: string }
  | { style: 'cursor'; cursorParam: string; sizeParam?: string; nextKey?: string }
  | { style: 'none' };

export interface ResourceOperations {
  /** Collection path relative to the server URL, e.g. `customers` or `v2/orders`. */
  path: string;
  verbs: Verb[];
  /** Dotted key of the items in a list answer (`data`, `meta.items`); undefined for a bare list. */
  itemsKey?: string;
  /** Key wrapping the record in a single-record answer (`{"data": {...}}`); undefined when bare. */
  recordKey?: string;
  /** Key wrapping the created record in the answer of a creation; undefined when bare or unsaid. */
  createKey?: string;
  /** `PATCH` when the document updates a record with PATCH (and not with PUT alone). */
  updateMethod?: 'PATCH';
  pagination: Pagination;
}

export interface ExternalResource {
  /** Schema or type name (`Customer`). */
  name: string;
  /** Source description and pointer, for messages. */
  pointer: string;
  fields: ExternalField[];
  operations?: ResourceOperations;
  /** Things the reader noticed and could not use (a path with parameters…). */
  notes: string[];
}
