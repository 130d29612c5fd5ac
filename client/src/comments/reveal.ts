/** Scrolling a thread's passage or card into view, without jumping when it is already there. */
import type { Editor } from '@tiptap/core';
import { commentPlaces } from './commentHighlights.ts';

const behavior = (): ScrollBehavior =>
  window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';

/** Brings the passage into the part of the window the comments drawer does not cover. */
export function revealPassage(editor: Editor, threadId: string, panel: HTMLElement | null): void {
  if (editor.isDestroyed) return;
  const place = commentPlaces(editor.state).threads.get(threadId);
  if (typeof place !== 'object') return;
  const top = editor.view.coordsAtPos(place.from).top;
  const header = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
  // On phones the panel is a drawer over the bottom of the page.
  const drawer = panel && getComputedStyle(panel).position === 'fixed' ? panel : null;
  const bottom = drawer ? drawer.getBoundingClientRect().top : window.innerHeight;
  if (top >= header + 16 && top <= bottom - 48) return;
  const target = header + (bottom - header) * 0.3;
  window.scrollBy({ top: top - target, behavior: behavior() });
}

/** Scrolls the panel's list (not the page) so the thread's card shows. */
export function revealCard(panel: HTMLElement | null, threadId: string): void {
  const list = panel?.querySelector<HTMLElement>('.comments__body');
  const card = list?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(threadId)}"]`);
  if (!list || !card) return;
  const view = list.getBoundingClientRect();
  const box = card.getBoundingClientRect();
  const margin = 8;
  let by = 0;
  if (box.top < view.top) by = box.top - view.top - margin;
  else if (box.bottom > view.bottom)
    by = Math.min(box.bottom - view.bottom + margin, box.top - view.top - margin);
  if (by !== 0) list.scrollBy({ top: by, behavior: behavior() });
}
