/**
 * When a letter and its reply may be published on the portal (信件选登): only once it is
 * answered, only when the reply was marked public, and only when the citizen agreed when they
 * wrote. What is published is a copy the centre checked — the letter's text and the reply with
 * any personal detail taken out — never the stored original, and never the writer's name,
 * phone or e-mail (STANDARDS.md §8).
 */
export type PublishProblem = 'notAnswered' | 'replyPrivate' | 'noConsent' | 'alreadyPublished' | 'notPublished';

export interface PublishFacts {
  state: string;
  reply: { visibility: 'public' | 'private' } | null;
  publishConsent: boolean;
  published: boolean;
}

export function publishProblem(f: PublishFacts): PublishProblem | null {
  if (f.published) return 'alreadyPublished';
  if (!f.reply || (f.state !== 'replied' && f.state !== 'closed')) return 'notAnswered';
  if (f.reply.visibility !== 'public') return 'replyPrivate';
  if (!f.publishConsent) return 'noConsent';
  return null;
}

export const withdrawProblem = (f: Pick<PublishFacts, 'published'>): PublishProblem | null => (f.published ? null : 'notPublished');

/** The published copy, kept in the case's data beside the original. */
export interface Publication {
  title: string;
  body: string;
  reply: string;
  department: string;
  receivedAt: string;
  repliedAt: string;
}
