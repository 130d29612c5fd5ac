import type { PresentPerson } from './presence.ts';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  return letters.map((w) => (w ? [...w][0]?.toUpperCase() : '')).join('') || '?';
}

/** Who is here, each in their caret colour; "Only you here" when alone. */
export function PresenceList({ people }: { people: PresentPerson[] }) {
  const others = people.filter((p) => !p.isSelf);
  const self = people.find((p) => p.isSelf);
  const alone = others.length === 0;
  return (
    <div className="presence" data-testid="presence" aria-label="People in this installment">
      <ul className="presence__list">
        {people.map((person) => (
          <li
            key={person.key}
            className={`presence__person${person.isSelf ? ' presence__person--self' : ''}`}
            data-name={person.name}
            data-color={person.color}
            title={
              person.isSelf
                ? `You${person.connections > 1 ? ` (${person.connections} tabs)` : ''}`
                : `${person.name}${person.connections > 1 ? ` (${person.connections} tabs)` : ''}`
            }
          >
            <span className="avatar" style={{ backgroundColor: person.color }} aria-hidden="true">
              {initials(person.name)}
            </span>
            {!alone && (
              <span className="presence__name">
                {person.isSelf ? 'You' : person.name}
                {person.connections > 1 && (
                  <span className="presence__count"> ×{person.connections}</span>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      {alone && (
        <span className="presence__alone">
          Only you here{self && self.connections > 1 ? ` (${self.connections} tabs)` : ''}
        </span>
      )}
    </div>
  );
}
