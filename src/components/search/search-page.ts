/**
 * Enhances the server-rendered search page: results update as the reader types or changes a
 * filter, the result count is announced (the status element stays in place and only its
 * text changes), and "more results" appends the next page. The server renders the results,
 * so the browser shows exactly what the no-script page and the API would.
 */
const DEBOUNCE_MS = 250;

class SearchPage extends HTMLElement {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;

  connectedCallback() {
    const form = this.querySelector('form');
    if (!form) return;
    form.addEventListener('input', (e) => {
      if ((e.target as HTMLElement).matches('input[type="search"]')) this.schedule(form);
    });
    form.addEventListener('change', (e) => {
      if ((e.target as HTMLElement).matches('select')) this.update(form);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.update(form);
    });
    this.addMoreButton();
  }

  private schedule(form: HTMLFormElement) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(form), DEBOUNCE_MS);
  }

  private async fetchPage(url: string): Promise<Document | undefined> {
    this.controller?.abort();
    this.controller = new AbortController();
    try {
      const res = await fetch(url, { signal: this.controller.signal, headers: { Accept: 'text/html' } });
      return new DOMParser().parseFromString(await res.text(), 'text/html');
    } catch {
      return undefined; // aborted by a newer query, or offline: the form still submits normally
    }
  }

  private async update(form: HTMLFormElement) {
    const params = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    for (const [k, v] of [...params]) if (!v) params.delete(k);
    const url = `${form.action}?${params}`;
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (status) status.textContent = this.dataset.searching ?? '';
    const doc = await this.fetchPage(url);
    if (!doc) return;
    history.replaceState(null, '', url);
    const fresh = doc.querySelector('[data-results]');
    const current = this.querySelector('[data-results]');
    if (!fresh || !current) return;
    // Keep the live region in place so screen readers announce the new count.
    const freshStatus = fresh.querySelector('[role="status"]');
    for (const child of [...current.children]) if (child !== status) child.remove();
    for (const child of [...fresh.children]) if (child !== freshStatus) current.append(child);
    if (status && freshStatus) status.textContent = freshStatus.textContent;
    // Refresh the filter counts without disturbing the reader's focus or typing.
    for (const select of this.querySelectorAll<HTMLSelectElement>('select')) {
      const next = doc.getElementById(select.id) as HTMLSelectElement | null;
      if (next && document.activeElement !== select) select.innerHTML = next.innerHTML;
    }
    this.addMoreButton();
  }

  /** Replaces the pagination with a button that appends the next page of results. */
  private addMoreButton() {
    const nav = this.querySelector('.pagination');
    const next = nav?.querySelector<HTMLAnchorElement>('a[rel="next"]');
    const list = this.querySelector('.search-results');
    if (!nav || !next || !list) return;
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'button button--secondary search-page__more';
    more.textContent = this.dataset.more ?? '';
    more.addEventListener('click', async () => {
      const doc = await this.fetchPage(next.href);
      const items = doc?.querySelectorAll('.search-results > li') ?? [];
      list.append(...items);
      const following = doc?.querySelector<HTMLAnchorElement>('.pagination a[rel="next"]');
      if (following) next.href = following.href;
      else more.remove();
      (items[0]?.querySelector('a') as HTMLElement | null)?.focus();
    });
    nav.replaceWith(more);
  }
}

export function enhanceSearchPage() {
  if (!customElements.get('search-page')) customElements.define('search-page', SearchPage);
}
