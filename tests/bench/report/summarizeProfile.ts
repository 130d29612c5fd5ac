/** `node --import tsx tests/bench/report/summarizeProfile.ts DIR…`: prints a profile summary. */
import { formatProfile, summarizeProfiles } from './profileSummary.ts';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  process.stderr.write('usage: summarizeProfile.ts DIR… (directories holding .cpuprofile files)\n');
  process.exit(2);
}
process.stdout.write(formatProfile(dirs.join(', '), summarizeProfiles(dirs, 25)));
