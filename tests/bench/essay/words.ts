/** English-looking prose from a fixed word list; common words come up more often (Zipf-like). */
import type { Random } from './random.ts';

const common = (
  'the of and to a in that it is was for on with as his he at by this had not be are but ' +
  'from or have an they which one you were her all she there would their we him been has ' +
  'when who will more no if out so said what up its about into than them can only other'
).split(' ');

const content = (
  'relay baton runner river morning letter winter harbour mother promise station window ' +
  'garden silence evening journey village stranger message signal lantern orchard country ' +
  'kitchen distance memory season shadow bridge voice weather paper engine field chapter ' +
  'question answer story reader writer doorway mountain valley forest island city street ' +
  'market ticket captain doctor teacher sister brother neighbour traveller soldier sailor ' +
  'carried waited walked opened followed remembered noticed listened answered returned ' +
  'wondered gathered promised watched whispered finished began turned reached crossed ' +
  'quiet bright narrow heavy gentle sudden distant familiar broken careful patient strange ' +
  'slowly finally almost perhaps already nearly quietly suddenly again together beneath ' +
  'through across between towards against without because although while before after'
).split(' ');

/** One word, lower case, without punctuation. */
export function nextWord(random: Random): string {
  return random.chance(0.45) ? random.pick(common) : random.pick(content);
}

/** Words of one sentence (first capitalised, last ending in a full stop). */
export function sentence(random: Random): string[] {
  const length = random.int(6, 22);
  const words = Array.from({ length }, () => nextWord(random));
  const first = words[0] ?? 'the';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  words[length - 1] = `${words[length - 1] ?? 'end'}${random.chance(0.15) ? '?' : '.'}`;
  if (length > 10 && random.chance(0.5)) {
    const at = random.int(3, length - 4);
    words[at] = `${words[at] ?? 'and'},`;
  }
  return words;
}
