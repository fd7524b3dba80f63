/**
 * The schema's versions, in order. A migration is never edited once released: change the
 * schema by adding the next one. Each has its SQL for both dialects.
 */
import { initial } from './0001-initial.ts';
import { categoriesPublishingAccounts } from './0002-categories-publishing-accounts.ts';
import { serverSecrets } from './0003-server-secrets.ts';
import { editorial } from './0004-editorial.ts';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const migrations: readonly Migration[] = [initial, categoriesPublishingAccounts, serverSecrets, editorial];
