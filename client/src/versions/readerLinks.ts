/**
 * Addresses of the public reader pages. They are rendered by the server, not
 * by this app, so they are plain links (opened in a new tab), never routes.
 */
const seg = encodeURIComponent;

export const readerLinks = {
  series: (slug: string) => `/read/${seg(slug)}`,
  /** The latest published version of part `n`. */
  installment: (slug: string, n: number) => `/read/${seg(slug)}/${n}`,
  version: (slug: string, n: number, k: number) => `/read/${seg(slug)}/${n}/v/${k}`,
  /** What changed since version k-1 (exists from version 2 on). */
  changes: (slug: string, n: number, k: number) => `/read/${seg(slug)}/${n}/v/${k}/changes`,
  markdown: (slug: string, n: number, k: number) => `/read/${seg(slug)}/${n}/v/${k}.md`,
  feed: (slug: string) => `/read/${seg(slug)}/feed.xml`,
};
