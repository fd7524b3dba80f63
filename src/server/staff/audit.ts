/**
 * The back office's audit log: every staff action (sign-in, a case viewed or changed, an
 * export, an account changed) is appended to the Store's append-only audit_log. Entries are
 * never deleted by the portal, so the log is kept well beyond the six months the law asks for
 * (GB/T 22239: 审计记录保存不少于六个月); an operator archives it, not the application.
 */
import type { Staff } from '../../lib/staff/roles.ts';
import type { StoreOps } from '../store/store.ts';

export const actorName = (staff: Pick<Staff, 'username'>) => `staff:${staff.username}`;

export function audit(store: Pick<StoreOps, 'appendAudit'>, who: Pick<Staff, 'username'> | string, action: string, subject: string | null, ip: string | null, data: Record<string, unknown> = {}, at?: Date) {
  return store.appendAudit({ actor: typeof who === 'string' ? who : actorName(who), action, subject, ip, data, ...(at ? { at } : {}) });
}
