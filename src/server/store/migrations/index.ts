/**
 * The schema's versions, in order. A migration is never edited once released: change the
 * schema by adding the next one. Each has its SQL for both dialects.
 */
import { initial } from './0001-initial.ts';
import { publishingAndAccounts } from './0002-publishing-and-accounts.ts';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const migrations: readonly Migration[] = [initial, publishingAndAccounts];
