/**
 * Who may do what in the back office (STANDARDS.md §8: personal data only to the staff who
 * handle the case). Pure rules over a signed-in staff member and a case's department; the
 * pages and handlers ask these questions and never decide by role names themselves.
 *
 * - admin: manages accounts and reads the audit log; may also do everything the centre does.
 * - centre (信息中心 / the letters office): accepts or refuses, assigns and transfers, closes
 *   and reopens, publishes or withdraws replies, exports; sees every case.
 * - handler: a department's handler; sees and answers only their department's cases.
 * - auditor: reads everything but personal data, and the audit log; changes nothing.
 */
import type { Actor } from '../cases/state-machine.ts';

export const STAFF_ROLES = ['admin', 'centre', 'handler', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const isStaffRole = (v: unknown): v is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(v);

export interface Staff {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  /** A handler's department; null for the other roles. */
  department: string | null;
}

export type Permission = 'manageUsers' | 'viewAudit' | 'exportCases' | 'publish';

const grants: Record<StaffRole, readonly Permission[]> = {
  admin: ['manageUsers', 'viewAudit', 'exportCases', 'publish'],
  centre: ['exportCases', 'publish'],
  handler: ['exportCases'],
  auditor: ['viewAudit', 'exportCases'],
};

export const can = (staff: Staff, permission: Permission): boolean => grants[staff.role].includes(permission);

/** The department a staff member's case lists are limited to, or null for all departments. */
export const departmentScope = (staff: Staff): string | null => (staff.role === 'handler' ? staff.department ?? '' : null);

/** Whether the case may be opened at all. */
export function canSeeCase(staff: Staff, caseDepartment: string | null): boolean {
  const scope = departmentScope(staff);
  return scope === null || (scope !== '' && scope === caseDepartment);
}

/** Whether the citizen's name, phone and e-mail and the attachments are shown. */
export function canSeePersonalData(staff: Staff, caseDepartment: string | null): boolean {
  return staff.role !== 'auditor' && canSeeCase(staff, caseDepartment);
}

/** The actor the case state machine knows this staff member as; null for read-only roles. */
export function caseActor(staff: Staff): Actor | null {
  switch (staff.role) {
    case 'admin':
    case 'centre':
      return { role: 'centre', staffId: staff.id };
    case 'handler':
      return staff.department ? { role: 'handler', staffId: staff.id, department: staff.department } : null;
    case 'auditor':
      return null;
  }
}

/**
 * Content (the CMS). The centre and admin edit every item and review and publish; a department's
 * handler is also its content editor and may change only items of their own department, never
 * the site's shared frame (items without a department). The auditor edits nothing.
 */
export function canEditContent(staff: Staff, itemDepartment: string | null): boolean {
  if (staff.role === 'admin' || staff.role === 'centre') return true;
  if (staff.role !== 'handler' || !staff.department) return false;
  return itemDepartment !== null && itemDepartment === staff.department;
}

/** Whether the staff member may use the CMS at all. */
export const mayEditAnyContent = (staff: Staff): boolean => staff.role === 'admin' || staff.role === 'centre' || (staff.role === 'handler' && !!staff.department);

/** Approving, returning and withdrawing content: the centre's review. */
export const canReviewContent = (staff: Staff): boolean => staff.role === 'admin' || staff.role === 'centre';
