/** HTML escaping for text and attribute values. */
export const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttr = (s: string) =>
  escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
