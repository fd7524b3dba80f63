/** What kind of page this is, for the gov meta tags and Open Graph. */
export type PageMeta =
  | { type: 'site' }
  | { type: 'column'; name: string; description: string; keywords: string[]; columnType: string }
  | {
      type: 'article';
      title: string;
      published: Date;
      source: string;
      keywords: string[];
      author: string;
      description: string;
      /** Absolute URL of the article's picture, when it has one. */
      image?: string | undefined;
    };

/** How a page is found by search; pages without it are not indexed. */
export interface SearchFacts {
  type: 'news' | 'notice' | 'policy' | 'interpretation' | 'service' | 'page';
  date?: Date | undefined;
  filters?: Partial<Record<'department' | 'topic' | 'genre' | 'validity' | 'docnum' | 'indexno', string | string[] | undefined>>;
}

export interface Crumb { label: string; href?: string | undefined }
