/**
 * The publish checks' warnings grouped by kind, with a summary line, so a long
 * draft's dozens of findings read as "12 findings: 10 repeated paragraphs, …".
 */
import type { PublishFinding } from '@baton/shared/publish.ts';
import { plural } from '../lib/format.ts';

/** Warnings only: an empty installment blocks publishing and is shown on its own. */
export type Warning = Exclude<PublishFinding, { kind: 'emptyContent' }>;
export type WarningKind = Warning['kind'];

export interface FindingGroup {
  kind: WarningKind;
  /** "Repeated paragraphs (3)". */
  heading: string;
  /** How many things to look at: repeats, unresolved threads or pending suggestions. */
  count: number;
  findings: Warning[];
}

export interface GroupedFindings {
  groups: FindingGroup[];
  /** "5 findings: 3 repeated paragraphs, 2 unresolved threads", or null without warnings. */
  summary: string | null;
}

interface KindText {
  heading: string;
  /** Headings of countable kinds end with the count. */
  countable: boolean;
  phrase: (count: number) => string;
}

/** In the order the dialog lists them. */
const kinds: Record<WarningKind, KindText> = {
  repeatedParagraph: {
    heading: 'Repeated paragraphs',
    countable: true,
    phrase: (n) => plural(n, 'repeated paragraph'),
  },
  unresolvedThreads: {
    heading: 'Unresolved threads',
    countable: true,
    phrase: (n) => plural(n, 'unresolved thread'),
  },
  pendingSuggestions: {
    heading: 'Pending suggestions',
    countable: true,
    phrase: (n) => plural(n, 'pending suggestion'),
  },
  shortContent: { heading: 'Very short', countable: false, phrase: () => 'a very short text' },
  missingTitle: { heading: 'No title', countable: false, phrase: () => 'no title' },
};

const order = Object.keys(kinds) as WarningKind[];

const isWarning = (finding: PublishFinding): finding is Warning => finding.kind !== 'emptyContent';

const countOf = (finding: Warning) =>
  finding.kind === 'unresolvedThreads' || finding.kind === 'pendingSuggestions' ? finding.count : 1;

export function groupFindings(findings: readonly PublishFinding[]): GroupedFindings {
  const byKind = new Map<WarningKind, Warning[]>();
  for (const finding of findings.filter(isWarning)) {
    byKind.set(finding.kind, [...(byKind.get(finding.kind) ?? []), finding]);
  }
  const groups = order.flatMap((kind): FindingGroup[] => {
    const members = byKind.get(kind);
    if (!members) return [];
    const count = members.reduce((sum, f) => sum + countOf(f), 0);
    const text = kinds[kind];
    const heading = text.countable ? `${text.heading} (${count})` : text.heading;
    return [{ kind, heading, count, findings: members }];
  });
  if (groups.length === 0) return { groups, summary: null };
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const parts = groups.map((g) => kinds[g.kind].phrase(g.count));
  return { groups, summary: `${plural(total, 'finding')}: ${parts.join(', ')}` };
}

/** A group longer than this shows its first items and a "Show N more" button. */
export const collapsedLength = 3;

/** The items to show, and how many more the group has (0 when expanded or short). */
export function visibleFindings<T>(items: readonly T[], expanded: boolean) {
  if (expanded || items.length <= collapsedLength) return { shown: items, hidden: 0 };
  return { shown: items.slice(0, collapsedLength), hidden: items.length - collapsedLength };
}
